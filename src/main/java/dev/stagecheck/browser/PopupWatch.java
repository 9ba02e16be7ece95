package dev.stagecheck.browser;

import dev.stagecheck.devtools.DevToolsConnection;
import dev.stagecheck.time.Deadline;
import dev.stagecheck.traffic.Popup;
import dev.stagecheck.traffic.Traffic;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * New windows and tabs a page opens. Chromium's popup blocker is on (ChromiumFactory), so a page's
 * own {@code window.open} never opens anything without a click, as in a visitor's browser: such a
 * tab would load outside the network witness and the safety policy, which watch the test's tab
 * only. Its address is recorded all the same (DevTools announce it), for the crawl to check like a
 * link. A window that does open (a click on a {@code target=_blank} link) is closed again, and the
 * test's own tab keeps WebDriver's focus throughout.
 */
final class PopupWatch {
    /** The tab's DevTools, which announce every new window (Page.windowOpen) and close one without leaving the tab. */
    private final Optional<DevToolsConnection> cdp;
    /** True once a new window may have opened since the last {@link #closeOthers}: asking WebDriver costs a round trip. */
    private final AtomicBoolean mayHaveOpened = new AtomicBoolean();
    /** A closed tab is gone within milliseconds; a browser too busy to say so in this long is let be. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private PopupWatch(Optional<DevToolsConnection> cdp) {
        this.cdp = cdp;
    }

    /** With DevTools: only when the tab announced a new window is there anything to close. */
    static PopupWatch attach(DevToolsConnection cdp, Traffic traffic) {
        var watch = new PopupWatch(Optional.of(cdp));
        cdp.on("Page.windowOpen", event -> {
            traffic.record(new Popup(event.get("url") == null ? "" : String.valueOf(event.get("url")),
                    Boolean.TRUE.equals(event.get("userGesture"))));
            watch.mayHaveOpened.set(true);
        });
        return watch;
    }

    /** Without DevTools nothing announces a new window: {@link #closeOthers} always looks. */
    static PopupWatch unannounced() {
        return new PopupWatch(Optional.empty());
    }

    /** Closes every window but the test's own tab, which keeps the focus. */
    void closeOthers(WebDriver driver) {
        if (cdp.isPresent()) {
            if (mayHaveOpened.getAndSet(false)) {
                closeWithDevTools(driver, cdp.get());
            }
            return;
        }
        closeWithWebDriver(driver);
    }

    /**
     * Through DevTools, never switching WebDriver's window: Selenium would move its DevTools session
     * (the witness's, and the safety policy's) to the window switched to. A tab's window handle is
     * its DevTools target id; where the own one is not among the targets, nothing is closed.
     */
    private static void closeWithDevTools(WebDriver driver, DevToolsConnection cdp) {
        try {
            var own = driver.getWindowHandle();
            var pages = pageTargets(cdp);
            if (!pages.contains(own) || pages.size() == 1) {
                return;
            }
            pages.stream().filter(id -> !id.equals(own)).forEach(id -> cdp.sendQuietly("Target.closeTarget", Map.of("targetId", id)));
            // Closing is asynchronous; a check of the windows right after must not still find them.
            Deadline.after(CLOSE_WAIT).poll(() -> pageTargets(cdp).equals(List.of(own)));
        } catch (WebDriverException e) {
            // The browser is gone: the session's liveness check replaces it before the next test.
        }
    }

    private static List<String> pageTargets(DevToolsConnection cdp) {
        var targets = cdp.send("Target.getTargets", Map.of()).get("targetInfos") instanceof List<?> list ? list : List.of();
        return targets.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .filter(target -> "page".equals(target.get("type"))).map(target -> String.valueOf(target.get("targetId"))).toList();
    }

    /** Without DevTools: each other window is switched to and closed, then the focus goes back. */
    private static void closeWithWebDriver(WebDriver driver) {
        String own;
        Set<String> handles;
        try {
            own = driver.getWindowHandle();
            handles = driver.getWindowHandles();
        } catch (WebDriverException e) {
            return; // The own tab itself is gone: the session's liveness check replaces the browser before the next test.
        }
        if (handles.size() <= 1) {
            return;
        }
        for (var handle : handles) {
            if (!handle.equals(own)) {
                try {
                    driver.switchTo().window(handle).close();
                } catch (WebDriverException e) {
                    // It closed itself meanwhile.
                }
            }
        }
        try {
            driver.switchTo().window(own);
        } catch (WebDriverException e) {
            // As above: nothing left to hand the focus to.
        }
    }
}
