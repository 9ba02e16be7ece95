package dev.stagecheck.browser;

import dev.stagecheck.devtools.DevToolsConnection;
import dev.stagecheck.time.Deadline;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.json.Json;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
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

    private final DevToolsConnection cdp;
    private final Duration timeout;
    /** Navigations (by loader id) whose page fired its load event; read and cleared under this lock. */
    private final Set<String> loaded = new HashSet<>();

    CdpPage(DevToolsConnection cdp, Duration timeout) {
        this.cdp = cdp;
        this.timeout = timeout;
        cdp.on("Page.lifecycleEvent", this::onLifecycle);
        cdp.send("Page.enable", Map.of());
        cdp.send("Page.setLifecycleEventsEnabled", Map.of("enabled", true));
    }

    private synchronized void onLifecycle(Map<String, Object> event) {
        if ("load".equals(event.get("name"))) {
            loaded.add(String.valueOf(event.get("loaderId")));
            notifyAll();
        }
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
        }
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
        if (!awaitLoad(String.valueOf(loader))) {
            cdp.send("Page.stopLoading", Map.of());
            throw new TimeoutException("timeout: the page did not load within " + timeout.toSeconds() + " s");
        }
    }

    private synchronized boolean awaitLoad(String loader) {
        return Deadline.after(timeout).await(this, () -> loaded.contains(loader));
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
        var answer = cdp.send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (answer.get("exceptionDetails") instanceof Map<?, ?> details) {
            var exception = details.get("exception") instanceof Map<?, ?> thrown ? thrown.get("description") : details.get("text");
            throw new JavascriptException("javascript error: " + exception);
        }
        return answer.get("result") instanceof Map<?, ?> result ? result.get("value") : null;
    }
}
