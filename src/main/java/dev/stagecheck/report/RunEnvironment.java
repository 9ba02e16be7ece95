package dev.stagecheck.report;

import dev.stagecheck.browser.BrowserSetup;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.traffic.SafeUrl;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes Allure's environment.properties: which browser, driver, site and profile this run used. */
public final class RunEnvironment {
    private RunEnvironment() {
    }

    public static void write(Settings settings, String networkWitness) {
        var values = new LinkedHashMap<String, String>();
        BrowserSetup.ifResolved().ifPresent(setup -> {
            values.put("Browser", settings.browser().key() + " " + setup.browser().version());
            values.put("Browser.binary", setup.browser().binary().toString());
            values.put("Driver", setup.driver().describe());
        });
        values.put("Device", settings.device().toString());
        values.put("Headless", Boolean.toString(settings.headless()));
        values.put("Base.URL", settings.baseUrl().map(url -> SafeUrl.of(url.toString())).orElse(TargetSite.baseUrl() + " (built-in demo site)"));
        values.put("Profile", settings.site().toString());
        values.put("Network.witness", networkWitness);
        values.put("Java", System.getProperty("java.version"));
        AllureResults.write("environment.properties", toProperties(values));
    }

    private static String toProperties(Map<String, String> values) {
        var text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append(" = ").append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }
}
