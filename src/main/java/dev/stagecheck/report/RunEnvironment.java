package dev.stagecheck.report;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.browser.BrowserSetup;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.url.SafeUrl;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes Allure's environment.properties: which browser, driver, site and profile this run used. */
public final class RunEnvironment {
    private RunEnvironment() {
    }

    /** @param unmatchedAccepts the run's accept lines that matched nothing (shown on the report's overview) */
    public static void write(Settings settings, java.util.List<String> unmatchedAccepts) {
        var values = new LinkedHashMap<String, String>();
        var seen = BrowserSessions.seen();
        if (seen.size() <= 1) {
            BrowserSetup.ifResolved().filter(setup -> settings.browser().isChromiumFamily() && settings.gridUrl().isEmpty()).ifPresent(setup -> {
                values.put("Browser", settings.browser().key() + " " + setup.browser().version());
                values.put("Browser.binary", setup.browser().binary().toString());
                values.put("Driver", setup.driver().describe());
            });
            values.put("Device", settings.device().toString());
        }
        // Runs over several browsers and devices: one line each, saying how it ran.
        new java.util.TreeMap<>(seen).forEach((browserAndDevice, how) -> values.put("Ran." + browserAndDevice.replace(' ', '.'), how));
        new java.util.TreeMap<>(BrowserSessions.unavailable()).forEach((browser, why) -> values.put("Skipped." + browser, why));
        settings.gridUrl().ifPresent(grid -> values.put("Selenium.Grid", SafeUrl.of(grid.toString())));
        values.put("Headless", Boolean.toString(settings.headless()));
        values.put("Base.URL", settings.baseUrl().map(url -> SafeUrl.of(url.toString())).orElse(TargetSite.baseUrl() + " (built-in demo site)"));
        values.put("Profile", settings.site().toString());
        if (seen.size() == 1) {
            values.put("Network.witness", seen.values().iterator().next().replaceFirst("^.*; statuses learned by ", ""));
        }
        unmatchedAccepts.forEach(line -> values.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1)));
        values.put("Java", System.getProperty("java.version"));
        // `mvn allure:report` replaces executor.json with its own; the build is named here as well.
        values.put("Build", ExecutorInfo.detect(System.getenv(), AllureHistory.beside(AllureResults.directory()).kept(), ZonedDateTime.now()).describe());
        AllureResults.write("environment.properties", toProperties(values));
    }

    private static String toProperties(Map<String, String> values) {
        var text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append(" = ").append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }
}
