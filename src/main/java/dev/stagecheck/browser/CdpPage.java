package dev.stagecheck.browser;

import dev.stagecheck.devtools.DevToolsConnection;
import dev.stagecheck.time.Deadline;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.devtools.DevToolsException;
import org.openqa.selenium.json.Json;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The page of a Chromium-family browser, driven straight through its DevTools connection (the
 * one the network witness listens on). A navigation or a read through chromedriver costs an HTTP
 * round trip to it plus its own checks, per call, like any WebDriver command; on a crawl of
 * thousands of pages those are most of the kit's overhead. The browser's own work is the same.
 */
final class CdpPage implements BrowserPage {
    private static final Json JSON = new Json();
    /**
     * Stops what the page shown now is still doing, without leaving it: its loads, timers, animation
     * callbacks, and every event handler of its window and document (pagehide, unload, beforeunload,
     * visibilitychange) are gone with its content. Answers true once all of that is done.
     */
    private static final String SILENCE = """
            (() => {
              window.stop();
              const lastTimer = setTimeout(() => {}, 0);
              for (let id = 1; id <= lastTimer; id++) { clearTimeout(id); clearInterval(id); }
              const lastFrame = requestAnimationFrame(() => {});
              for (let id = 1; id <= lastFrame; id++) { cancelAnimationFrame(id); }
              document.open();
              document.close();
              return true;
            })()""";

    /**
     * How long a page's renderer may take to evaluate {@code 1} before it counts as hung: a busy
     * but healthy page answers in milliseconds, between two of its tasks.
     */
    private static final Duration ANSWERS_WITHIN = Duration.ofSeconds(2);
    /** Longest wait for one read of a page; a page that keeps its renderer busy longer is hung. */
    private static final Duration READ_AT_MOST = Duration.ofSeconds(10);

    private final DevToolsConnection cdp;
    private final Duration timeout;
    /** Navigations (by loader id) whose page fired its load event; read and cleared under this lock. */
    private final Set<String> loaded = new HashSet<>();
    /** Navigations (by loader id) whose document failed after it began (cut short): no load event comes. Same lock. */
    private final Set<String> failed = new HashSet<>();
    /** The renderer died since the last open (read and cleared under this lock). */
    private boolean crashed;
    private volatile boolean crashedOnce;
    private volatile Optional<TabTrouble> trouble = Optional.empty();

    CdpPage(DevToolsConnection cdp, Duration timeout) {
        this.cdp = cdp;
        this.timeout = timeout;
        cdp.on("Page.lifecycleEvent", this::onLifecycle);
        cdp.on("Inspector.targetCrashed", event -> onCrash());
        // A document whose answer was cut short never fires its load event; its request (the loader's id) fails instead.
        cdp.on("Network.loadingFailed", this::onLoadFailed);
        cdp.send("Page.enable", Map.of());
        cdp.send("Page.setLifecycleEventsEnabled", Map.of("enabled", true));
        cdp.sendQuietly("Inspector.enable", Map.of());
    }

    private synchronized void onLifecycle(Map<String, Object> event) {
        if ("load".equals(event.get("name"))) {
            loaded.add(String.valueOf(event.get("loaderId")));
            notifyAll();
        }
    }

    private synchronized void onLoadFailed(Map<String, Object> event) {
        if ("Document".equals(event.get("type")) && event.get("requestId") != null) {
            failed.add(String.valueOf(event.get("requestId")));
            notifyAll();
        }
    }

    private synchronized void onCrash() {
        crashed = true;
        crashedOnce = true;
        notifyAll();
    }

    /**
     * Goes to {@code url} and returns when its load event fired, as {@code driver.get} does. A load
     * the browser gave up on (net::ERR_...) is thrown as a WebDriverException naming the error, one
     * that became a download as a {@link FileDownload}, one that outlasts the page timeout as a
     * TimeoutException after the load is stopped.
     */
    @Override
    public void open(String url) {
        synchronized (this) {
            loaded.clear();
            failed.clear();
            crashed = false;
        }
        trouble = Optional.empty();
        var answer = cdp.send("Page.navigate", Map.of("url", url));
        var error = String.valueOf(answer.getOrDefault("errorText", ""));
        if (Boolean.TRUE.equals(answer.get("isDownload"))) {
            throw new FileDownload(url);
        }
        if (!error.isEmpty()) {
            throw new WebDriverException("unknown error: " + error + " (navigating to the page)");
        }
        var loader = answer.get("loaderId");
        if (loader == null) {
            return; // Only the #fragment changed: no new document, nothing to load.
        }
        var started = System.nanoTime();
        if (!awaitLoad(String.valueOf(loader))) {
            if (crashedNow()) {
                mendCrash("while it loaded");
                return;
            }
            cdp.sendQuietly("Page.stopLoading", Map.of());
            if (!answers()) {
                // A script that never ends (while(true)) holds the renderer, and every later page of the site with it.
                stopScript("for " + (System.nanoTime() - started) / 1_000_000_000 + " s while it loaded (a script that never ends?)");
            }
            throw new TimeoutException("timeout: the page did not load within " + timeout.toSeconds() + " s");
        }
    }

    private synchronized boolean awaitLoad(String loader) {
        return Deadline.after(timeout).await(this, () -> loaded.contains(loader) || failed.contains(loader) || crashed);
    }

    private synchronized boolean crashedNow() {
        return crashed;
    }

    /** True when the page's renderer evaluates a script at once, false when it is busy for good or gone. */
    private boolean answers() {
        try {
            cdp.send("Runtime.evaluate", Map.of("expression", "1", "returnByValue", true), ANSWERS_WITHIN);
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    /** True when the browser process itself answers (a command its renderer plays no part in): a hung page leaves it answering. */
    private boolean browserAnswers() {
        try {
            cdp.send("Browser.getVersion", Map.of(), ANSWERS_WITHIN);
            return true;
        } catch (TimeoutException | DevToolsException e) {
            return false;
        } catch (WebDriverException e) {
            // An error answer is still an answer; only a connection that fails to carry it means the browser is gone.
            return !(e.getCause() instanceof java.io.IOException);
        }
    }

    /**
     * Ends the script that holds the renderer (V8 stops it between two instructions, from outside):
     * the page stays, its other scripts still run, and the tab answers again. If it still does not,
     * the renderer is ended for good and the tab gets a new one.
     */
    private void stopScript(String when) {
        if (!browserAnswers()) {
            // Not the page's fault: the whole browser is gone (killed, out of memory), and the caller says so.
            throw new WebDriverException("the browser stopped answering (its DevTools connection is silent)");
        }
        cdp.sendQuietly("Runtime.terminateExecution", Map.of());
        if (answers()) {
            trouble = Optional.of(TabTrouble.hung("its script kept the tab busy " + when + "; the kit stopped the script"));
            return;
        }
        try {
            cdp.send("Page.crash", Map.of(), ANSWERS_WITHIN);
        } catch (WebDriverException e) {
            // The renderer is ending, which is the point; the navigation below brings a new one.
        }
        crashedOnce = true;
        freshRenderer();
        trouble = Optional.of(TabTrouble.hung("its script kept the tab busy " + when + " and would not stop; the kit ended the tab's renderer"));
    }

    /** The renderer died (out of memory, a crash): a blank page brings a new one, so the next page loads normally. */
    private void mendCrash(String when) {
        freshRenderer();
        trouble = Optional.of(TabTrouble.crashed("the tab's renderer died " + when + " (out of memory or a crash); the kit gave the tab a new one"));
    }

    private void freshRenderer() {
        synchronized (this) {
            crashed = false;
        }
        try {
            cdp.send("Page.navigate", Map.of("url", "about:blank"), ANSWERS_WITHIN);
        } catch (WebDriverException e) {
            // The next navigation asks for a renderer again.
        }
    }

    @Override
    public void stopLoading() {
        cdp.sendQuietly("Page.stopLoading", Map.of());
    }

    @Override
    public Optional<TabTrouble> trouble() {
        if (trouble.isEmpty() && crashedNow()) {
            mendCrash("after it loaded");
        }
        return trouble;
    }

    @Override
    public boolean crashedOnce() {
        return crashedOnce;
    }

    /**
     * Makes the page shown now inert, so that nothing it runs later (an unload handler, a timer)
     * can write cookies or storage after a reset has cleared them. This replaces a trip to
     * about:blank, which swapped the renderer process out and back in, a cost every test paid:
     * the page's document is emptied in place instead. False when the page would
     * not be silenced (it replaced a function used here, or is an XML document that refuses
     * {@code document.open}); the caller must then leave it.
     */
    @Override
    public boolean silence() {
        try {
            var answer = cdp.send("Runtime.evaluate", Map.of("expression", SILENCE, "returnByValue", true));
            return answer.get("result") instanceof Map<?, ?> result && Boolean.TRUE.equals(result.get("value"));
        } catch (WebDriverException e) {
            return false; // No script context (an error page, a page being replaced).
        }
    }

    /**
     * Runs a script body (as {@code executeScript} takes it: {@code return ...}, with
     * {@code arguments}) in the page and returns its JSON-able result: strings, numbers, booleans,
     * lists and maps, never elements.
     */
    @Override
    public Object read(String body, Object... arguments) {
        var expression = "(function() {\n" + body + "\n}).apply(null, " + JSON.toJson(Arrays.asList(arguments)) + ")";
        var params = Map.<String, Object>of("expression", expression, "returnByValue", true);
        Map<String, Object> answer;
        try {
            answer = cdp.send("Runtime.evaluate", params, READ_AT_MOST.compareTo(timeout) < 0 ? READ_AT_MOST : timeout);
        } catch (TimeoutException e) {
            if (crashedNow()) {
                throw e;
            }
            // A script the page started after its load (a timer's endless loop) holds the renderer: stop it, read again.
            stopScript("after it loaded (a script that never ends?)");
            answer = cdp.send("Runtime.evaluate", params, ANSWERS_WITHIN);
        }
        if (answer.get("exceptionDetails") instanceof Map<?, ?> details) {
            var exception = details.get("exception") instanceof Map<?, ?> thrown ? thrown.get("description") : details.get("text");
            throw new JavascriptException("javascript error: " + exception);
        }
        return answer.get("result") instanceof Map<?, ?> result ? result.get("value") : null;
    }
}
