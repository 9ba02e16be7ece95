package dev.stagecheck.selftest;

import dev.stagecheck.config.SettingKey;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Properties;

import static org.testng.Assert.assertTrue;

/** Keeps the README true: every setting in its table with its real default, every demo profile key documented. */
public class ReadmeTest {

    @Test(description = "every run setting appears in the README's configuration table with its default")
    public void everySettingIsDocumentedWithItsDefault() throws IOException {
        var readme = Files.readString(ProjectFiles.projectDir().resolve("README.md"));
        for (var setting : SettingKey.values()) {
            var shownDefault = setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
            assertTrue(readme.contains("| `" + setting.key() + "` | " + shownDefault + " |"),
                    "README's configuration table should have the row '| `" + setting.key() + "` | " + shownDefault + " | ...'");
        }
    }

    @Test(description = "every key the demo profile uses is explained in the README's profile table")
    public void everyDemoProfileKeyIsDocumented() throws IOException {
        var readme = Files.readString(ProjectFiles.projectDir().resolve("README.md"));
        var profile = new Properties();
        try (var in = Files.newBufferedReader(ProjectFiles.demoProfile())) {
            profile.load(in);
        }
        for (var key : profile.stringPropertyNames()) {
            // custom.* keys are the user's own: the table explains them as one row.
            var documented = key.startsWith("custom.") ? "custom.<name>" : key.replaceAll("\\.\\d+\\.", ".N.");
            // A matrix row names its roles: one row of the table explains them all.
            if (documented.startsWith("access.N.") && !documented.equals("access.N.url") && !documented.equals("access.N.api")) {
                documented = "access.N.<role>";
            }
            assertTrue(readme.contains("`" + documented + "`"), "README 'Site profile keys' should explain `" + documented + "` (used in sites/demo.properties)");
        }
    }
}
