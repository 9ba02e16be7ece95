package dev.stagecheck.browser;

import dev.stagecheck.config.Settings;
import dev.stagecheck.traffic.CdpWitness;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.Traffic;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One browser of one worker thread, reused across tests. Between tests it forgets everything a
 * user's visit leaves behind (cookies, storage, cache) so tests stay independent, without paying
 * for a new browser each time.
 */
public final class BrowserSession {
    private final WebDriver driver;
    private final Traffic traffic = new Traffic();
    private final CdpWitness witness;
    private final Path userDataDir;
    private final BrowserSetup setup;
    private final Settings settings;

    private BrowserSession(WebDriver driver, Path userDataDir, BrowserSetup setup, Settings settings) {
        this.driver = driver;
        this.userDataDir = userDataDir;
        this.setup = setup;
        this.settings = settings;
        this.witness = CdpWitness.attach(driver, traffic);
    }

    static BrowserSession start(Settings settings) {
        var setup = BrowserSetup.resolve(settings);
        var started = ChromiumFactory.start(settings, setup);
        try {
            return new BrowserSession(started.driver(), started.userDataDir(), setup, settings);
        } catch (RuntimeException e) {
            started.driver().quit();
            deleteQuietly(started.userDataDir());
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Traffic traffic() {
        return traffic;
    }

    public BrowserSetup setup() {
        return setup;
    }

    public Settings settings() {
        return settings;
    }

    /** Cookies, local and session storage, IndexedDB, cache and the recorded traffic: all gone. */
    public void resetForNextTest() {
        var origins = new LinkedHashSet<String>();
        for (Exchange exchange : traffic.exchanges()) {
            origin(exchange.url()).ifPresent(origins::add);
        }
        driver.get("about:blank");
        clearBrowserState(origins);
        witness.forget();
        traffic.clear();
    }

    /** What "clear cookies and cache" in the guide means, done the way the browser's own settings page does. */
    public void clearBrowserState(Set<String> origins) {
        witness.send("Network.clearBrowserCookies", Map.of());
        witness.send("Network.clearBrowserCache", Map.of());
        for (var origin : origins) {
            witness.send("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
    }

    /** Sends extra request headers (e.g. Authorization) for the duration of one action, then stops. */
    public void withExtraHeaders(Map<String, String> headers, Runnable action) {
        witness.send("Network.setExtraHTTPHeaders", Map.of("headers", Map.copyOf(headers)));
        try {
            action.run();
        } finally {
            witness.send("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }

    /** False when the browser crashed or its session is gone; the next test then gets a fresh one. */
    public boolean isAlive() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    public void quit() {
        witness.close();
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // Already dead: nothing left to close.
        }
        deleteQuietly(userDataDir);
    }

    private static java.util.Optional<String> origin(String url) {
        try {
            var uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is not worth failing a run for.
        }
    }
}
