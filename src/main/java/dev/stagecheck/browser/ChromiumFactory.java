package dev.stagecheck.browser;

import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.Device;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Starts Chromium or Chrome for one worker: headless by default, the device's size, a throw-away
 * profile directory, and the flags a locked-down CI machine needs (no sandbox as root, no calls home).
 */
public final class ChromiumFactory implements BrowserFactory {
    private static final Logger log = LoggerFactory.getLogger(ChromiumFactory.class);
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
        var userDataDir = TempDirectory.create("stagecheck-chromium-");
        var options = options(settings, setup, userDataDir.path());
        log.debug("starting {} with profile {}", setup.browser().binary(), userDataDir.path());
        try {
            var driver = setup.driver().executable()
                    .map(path -> new ChromeDriver(new ChromeDriverService.Builder()
                            .usingDriverExecutable(path.toFile()).usingAnyFreePort().build(), options))
                    .orElseGet(() -> new ChromeDriver(options));
            driver.manage().timeouts().pageLoadTimeout(settings.pageTimeout());
            driver.manage().timeouts().scriptTimeout(settings.pageTimeout());
            return new StartedBrowser(driver, true, setup.describe(), userDataDir::delete);
        } catch (SessionNotCreatedException e) {
            userDataDir.delete();
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
        // chromedriver switches the popup blocker off; on, a page's own window.open (no click) opens
        // nothing, as in a visitor's browser, instead of a tab the witness and the safety policy never see.
        options.setExperimentalOption("excludeSwitches", java.util.List.of("disable-popup-blocking"));
        // DialogCloser answers every dialog through DevTools at once; one chromedriver meets first is
        // dismissed silently, never turned into an unexpected-alert error of whatever command came next.
        options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.DISMISS);
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
