package dev.stagecheck.browser;

import dev.stagecheck.browser.BrowserLocator.InstalledBrowser;
import dev.stagecheck.browser.DriverResolver.DriverChoice;
import dev.stagecheck.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser and driver this JVM uses, resolved once (resolution runs processes and may install
 * packages) and announced once on the console.
 */
public record BrowserSetup(InstalledBrowser browser, DriverChoice driver) {
    private static final Logger log = LoggerFactory.getLogger(BrowserSetup.class);
    private static volatile BrowserSetup resolved;

    public static BrowserSetup resolve(Settings settings) {
        var setup = resolved;
        if (setup == null) {
            synchronized (BrowserSetup.class) {
                if (resolved == null) {
                    var browser = BrowserLocator.locate(settings);
                    var driver = DriverResolver.resolve(settings.driverPath(), browser);
                    resolved = new BrowserSetup(browser, driver);
                    log.info(resolved.describe());
                }
                setup = resolved;
            }
        }
        return setup;
    }

    /** The resolution, if one happened in this JVM (for the report's environment). */
    public static java.util.Optional<BrowserSetup> ifResolved() {
        return java.util.Optional.ofNullable(resolved);
    }

    public String describe() {
        return "browser " + browser.binary().getFileName() + " " + browser.version() + " (" + browser.binary() + ") with "
                + driver.describe();
    }
}
