package dev.stagecheck.browser;

import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Starts Chromium or Chrome for one worker: headless by default, the device's size, a throw-away
 * profile directory, and the flags a locked-down CI machine needs (no sandbox as root, no calls home).
 */
public final class ChromiumFactory implements BrowserFactory {
    /**
     * Flags for a Chromium on a locked-down CI machine: no calls home, no first-run dialogs, no
     * shared-memory or GPU trouble in containers. Also used by the benchmark's peers, so every
     * browser there runs alike.
     */
    public static final java.util.List<String> QUIET_FLAGS = java.util.List.of(
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--password-store=basic",
            // Pages left behind stay alive in the back/forward cache; over a crawl of a thousand pages
            // in one tab each page load got slower the more pages were left behind.
            "--disable-features=BackForwardCache");

    static final String MOBILE_USER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    static final String TABLET_USER_AGENT = "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    @Override
    public Optional<String> unavailable(Settings settings) {
        try {
            BrowserSetup.resolve(settings);
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public StartedBrowser start(Settings settings) {
        var setup = BrowserSetup.resolve(settings);
        Path userDataDir;
        try {
            userDataDir = Files.createTempDirectory("stagecheck-chromium-");
        } catch (IOException e) {
            throw new ConfigException("cannot create a temporary browser profile (" + e.getMessage() + "): check the temp directory");
        }
        var options = options(settings, setup, userDataDir);
        try {
            var driver = setup.driver().executable()
                    .map(path -> new ChromeDriver(new ChromeDriverService.Builder()
                            .usingDriverExecutable(path.toFile()).usingAnyFreePort().build(), options))
                    .orElseGet(() -> new ChromeDriver(options));
            driver.manage().timeouts().pageLoadTimeout(settings.pageTimeout());
            driver.manage().timeouts().scriptTimeout(settings.pageTimeout());
            return new StartedBrowser(driver, true, setup.describe(), () -> BrowserSession.deleteQuietly(userDataDir));
        } catch (SessionNotCreatedException e) {
            BrowserSession.deleteQuietly(userDataDir);
            throw new ConfigException("the browser did not start (" + OneLine.of(e.getMessage()) + "): "
                    + (settings.headless() ? "check the browser installation" : "headless=false needs a display: run under xvfb-run or set -Dheadless=true"), e);
        }
    }

    private static ChromeOptions options(Settings settings, BrowserSetup setup, Path userDataDir) {
        var options = commonOptions(settings, new ChromeOptions());
        options.setBinary(setup.browser().binary().toFile());
        options.addArguments("--user-data-dir=" + userDataDir);
        if (settings.usesDemoSite()) {
            // The demo lives on loopback; keep the browser from calling anywhere else.
            options.addArguments("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        }
        return options;
    }

    /** Flags and device emulation shared by local and Grid Chromium-family browsers (Edge included). */
    static <T extends ChromiumOptions<T>> T commonOptions(Settings settings, T options) {
        if (settings.headless()) {
            options.addArguments("--headless=new");
        }
        if (Commands.runningAsRoot()) {
            options.addArguments("--no-sandbox");
        }
        options.addArguments(QUIET_FLAGS);
        options.addArguments("--window-size=" + settings.device().width() + "," + settings.device().height());
        var device = settings.device();
        if (device.touch()) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", device.width(), "height", device.height(),
                            "pixelRatio", device == Device.MOBILE ? 3.0 : 2.0, "touch", true),
                    "userAgent", userAgent(device)));
        }
        return options;
    }

    /** The user agent a touch device sends (Safari on iPhone or iPad), so sites serve their mobile pages. */
    static String userAgent(Device device) {
        return device == Device.MOBILE ? MOBILE_USER_AGENT : TABLET_USER_AGENT;
    }
}
