package dev.stagecheck.browser;

import dev.stagecheck.traffic.Dialog;
import dev.stagecheck.traffic.Traffic;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.time.Duration;
import java.util.Optional;

/**
 * The page of a browser without DevTools, driven through plain WebDriver commands. Such a browser
 * cannot stop a page's script from outside: a tab that a script holds for good (or whose web
 * process died, which ends a WebKit session) leaves the browser unusable, and it is replaced.
 */
final class DriverPage implements BrowserPage {
    /** More dialogs in a row than a page opens on load without being a trap (alert in a loop): the rest are dismissed unread. */
    private static final int MAX_DIALOGS = 5;
    /** How long a page that is not busy takes to run {@code return 1}, with room for a busy machine. */
    private static final Duration ANSWERS_WITHIN = Duration.ofSeconds(2);

    private final WebDriver driver;
    private final Traffic traffic;
    private final Duration pageTimeout;
    /** True when the traffic records the page's response as it comes (a recording proxy), not after the load. */
    private final boolean seesResponsesLive;
    private volatile Optional<TabTrouble> trouble = Optional.empty();
    private volatile boolean unusable;

    DriverPage(WebDriver driver, Traffic traffic, Duration pageTimeout, boolean seesResponsesLive) {
        this.driver = driver;
        this.traffic = traffic;
        this.pageTimeout = pageTimeout;
        this.seesResponsesLive = seesResponsesLive;
    }

    /**
     * Goes to the page, then answers the dialogs it opened while it loaded, recording each: without
     * DevTools no event announces them. Dialogs opened later are dismissed by the driver itself
     * (the session asks for unhandledPromptBehavior "dismiss"), unseen but harmless.
     */
    @Override
    public void open(String url) {
        trouble = Optional.empty();
        var from = traffic.size();
        var started = System.nanoTime();
        try {
            driver.get(url);
        } catch (TimeoutException e) {
            if (answered(from) && !answers()) {
                // A script that never ends (while(true), or one hoarding memory): every later command would wait on it.
                unusable = true;
                trouble = Optional.of(TabTrouble.hung("its script kept the tab busy for " + (System.nanoTime() - started) / 1_000_000_000
                        + " s while it loaded (a script that never ends?); this browser cannot stop a page's script, so the kit"
                        + " replaced the browser"));
            }
            throw e;
        } catch (WebDriverException e) {
            if (!pageCrashed()) {
                throw e; // A killed browser included: the machine's fault, which the session's liveness check tells.
            }
            // WebKit ends the whole session when a page's web process dies (out of memory, a crash).
            unusable = true;
            trouble = Optional.of(TabTrouble.crashed("the page's web process died while it loaded (out of memory or a crash),"
                    + " which ended the browser's session; the kit replaced the browser"));
            return;
        }
        answerDialogs(url);
    }

    private void answerDialogs(String url) {
        for (var i = 0; i < MAX_DIALOGS; i++) {
            try {
                var alert = driver.switchTo().alert();
                traffic.record(new Dialog("dialog", alert.getText(), url));
                alert.dismiss();
            } catch (NoAlertPresentException e) {
                return;
            } catch (WebDriverException e) {
                return; // Closed meanwhile, or a driver without the alert commands: nothing left to answer.
            }
        }
    }

    /**
     * True when the site answered the page (its load then outlasted the timeout in the browser), or
     * when the traffic cannot tell yet: a page the server has not answered is the server's slowness,
     * not a busy tab, and every command waits for its navigation just the same.
     */
    private boolean answered(int from) {
        return !seesResponsesLive || traffic.awaitPageSince(from, Duration.ZERO).isPresent();
    }

    /** True when the page runs a one-line script at once; false when a script of its own holds it. */
    private boolean answers() {
        try {
            return within(ANSWERS_WITHIN, () -> {
                ((JavascriptExecutor) driver).executeScript("return 1;");
                return true;
            });
        } catch (TimeoutException e) {
            return false;
        } catch (WebDriverException e) {
            return true; // An error answer is still an answer (a page that refuses scripts).
        }
    }

    /** True when the driver ended the session for the page's sake ("session deleted because of page crash or hang", WebKit). */
    private boolean pageCrashed() {
        try {
            driver.getWindowHandle();
            return false;
        } catch (NoSuchSessionException e) {
            return String.valueOf(e.getMessage()).contains("page crash");
        } catch (WebDriverException e) {
            return false;
        }
    }

    /** Runs a command with the page-load and script timeouts (a driver waits on both before a script) set to {@code bound}. */
    private <T> T within(Duration bound, java.util.function.Supplier<T> command) {
        var timeouts = driver.manage().timeouts();
        timeouts.pageLoadTimeout(bound);
        timeouts.scriptTimeout(bound);
        try {
            return command.get();
        } finally {
            timeouts.pageLoadTimeout(pageTimeout);
            timeouts.scriptTimeout(pageTimeout);
        }
    }

    @Override
    public Object read(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** WebDriver cannot reach a page's timers and handlers: the page must be left instead. */
    @Override
    public boolean silence() {
        return false;
    }

    /** Bounded: a driver waits for a pending navigation before it runs a script, which would cost a page timeout more. */
    @Override
    public void stopLoading() {
        if (unusable) {
            return; // Nothing more is asked of a tab that is given up.
        }
        try {
            within(ANSWERS_WITHIN, () -> ((JavascriptExecutor) driver).executeScript("window.stop();"));
        } catch (WebDriverException ignored) {
            // The next navigation starts over anyway.
        }
    }

    @Override
    public Optional<TabTrouble> trouble() {
        return trouble;
    }

    @Override
    public boolean crashedOnce() {
        return unusable;
    }

    @Override
    public boolean unusable() {
        return unusable;
    }
}
