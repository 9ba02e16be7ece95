package dev.stagecheck.report;

import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.config.Device;
import dev.stagecheck.config.Settings;
import org.testng.ITestContext;

import java.util.Optional;

/**
 * The settings one TestNG test block runs with: the run's own, with the browser and device the
 * suite file names for that block ({@code <parameter name="browser" value="webkit"/>}), so one suite
 * can cover several browsers and devices.
 */
public final class RunSettings {
    public static final String BROWSER = "browser";
    public static final String DEVICE = "device";

    private RunSettings() {
    }

    public static Settings of(ITestContext context) {
        var run = Settings.current();
        var test = context.getCurrentXmlTest();
        var origin = "parameter of <test name=\"" + test.getName() + "\"> in " + context.getSuite().getXmlSuite().getFileName();
        var withBrowser = parameter(test.getAllParameters().get(BROWSER))
                .map(value -> run.withBrowser(BrowserKind.parse(value, origin)))
                .orElse(run);
        return parameter(test.getAllParameters().get(DEVICE))
                .map(value -> withBrowser.withDevice(Device.parse(value, origin)))
                .orElse(withBrowser);
    }

    private static Optional<String> parameter(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
