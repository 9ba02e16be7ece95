package dev.stagecheck.browser;

import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.BrowserKind;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.edge.EdgeDriver;
import org.openqa.selenium.edge.EdgeDriverService;
import org.openqa.selenium.edge.EdgeOptions;
import org.openqa.selenium.firefox.FirefoxDriver;
import org.openqa.selenium.firefox.FirefoxOptions;
import org.openqa.selenium.firefox.GeckoDriverService;
import org.openqa.selenium.safari.SafariDriver;
import org.openqa.selenium.safari.SafariDriverService;
import org.openqa.selenium.safari.SafariOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Firefox, Edge and Safari on this machine, when their driver is installed. None of them can be
 * had on every machine (no geckodriver package in Debian, no Edge or Safari on Linux), so a missing
 * one is a reason to skip, never a silent pass: the reason says what to install, or to use a Grid.
 */
final class LocalDriverFactory implements BrowserFactory {

    @Override
    public Optional<String> unavailable(Settings settings) {
        var kind = settings.browser();
        if (driver(settings).isEmpty()) {
            return Optional.of(kind.driverCommand() + " not found on PATH: " + switch (kind) {
                case FIREFOX -> "install it (https://github.com/mozilla/geckodriver/releases) next to Firefox";
                case EDGE -> "install Microsoft Edge and its msedgedriver";
                case SAFARI -> "Safari runs on macOS only; there run 'safaridriver --enable'";
                default -> "install it";
            } + ", or use -Dgrid.url=http://your-grid:4444 with a node for " + kind.key());
        }
        if (kind == BrowserKind.FIREFOX && browserOnPath(List.of("firefox", "firefox-esr")).isEmpty()) {
            return Optional.of("geckodriver is here but Firefox is not: install firefox (Debian: apt-get install firefox-esr)");
        }
        return Optional.empty();
    }

    @Override
    public StartedBrowser start(Settings settings) {
        unavailable(settings).ifPresent(reason -> {
            throw new BrowserUnavailableException(reason);
        });
        var driverFile = driver(settings).orElseThrow().toFile();
        var device = settings.device();
        try {
            WebDriver driver = switch (settings.browser()) {
                case FIREFOX -> {
                    var options = new FirefoxOptions();
                    browserOnPath(List.of("firefox", "firefox-esr")).ifPresent(binary -> options.setBinary(binary));
                    if (settings.headless()) {
                        options.addArguments("-headless");
                    }
                    if (device.touch()) {
                        options.addPreference("general.useragent.override", ChromiumFactory.userAgent(device));
                    }
                    // As for WebKit: a dialog the kit did not answer itself is dismissed, never an error of the next command.
                    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.DISMISS);
                    yield new FirefoxDriver(new GeckoDriverService.Builder().usingDriverExecutable(driverFile).usingAnyFreePort().build(), options);
                }
                case EDGE -> new EdgeDriver(new EdgeDriverService.Builder().usingDriverExecutable(driverFile).usingAnyFreePort().build(),
                        ChromiumFactory.commonOptions(settings, new EdgeOptions()));
                case SAFARI -> new SafariDriver(new SafariDriverService.Builder().usingDriverExecutable(driverFile).usingAnyFreePort().build(),
                        new SafariOptions().setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.DISMISS));
                default -> throw new IllegalStateException(settings.browser() + " is not started by this factory");
            };
            driver.manage().timeouts().pageLoadTimeout(settings.pageTimeout());
            driver.manage().timeouts().scriptTimeout(settings.pageTimeout());
            if (settings.browser() != BrowserKind.EDGE) {
                driver.manage().window().setSize(new Dimension(device.width(), device.height()));
            }
            return new StartedBrowser(driver, settings.browser().speaksCdp(), settings.browser().key() + " with " + driverFile, () -> { });
        } catch (WebDriverException e) {
            throw new BrowserUnavailableException(settings.browser().key() + " did not start (" + OneLine.of(e.getMessage())
                    + "): check its installation, or use -Dgrid.url");
        }
    }

    /** driver.path names a chromedriver; for these browsers only their own driver on PATH counts. */
    private static Optional<Path> driver(Settings settings) {
        return Commands.onPath(settings.browser().driverCommand());
    }

    private static Optional<Path> browserOnPath(List<String> names) {
        return names.stream().map(Commands::onPath).flatMap(Optional::stream).findFirst();
    }
}
