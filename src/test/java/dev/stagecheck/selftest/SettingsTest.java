package dev.stagecheck.selftest;

import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.config.Device;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.ConfigLayers;
import dev.stagecheck.config.Settings;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.stagecheck.selftest.TestProperties.props;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * {@link Settings#load}: the three layers (-D, STAGECHECK_* environment, profile file), the
 * defaults, value parsing, and the one-line messages for bad values. Never touches the real
 * system properties or environment: both are passed in.
 */
public class SettingsTest {

    /** The smallest profile that loads: only the one required key. */
    private static final String MINIMAL_PROFILE = "nav.links=nav a\n";

    private final AtomicInteger fileCount = new AtomicInteger();
    private Path tempDir;

    @BeforeClass
    public void createTempDir() throws IOException {
        tempDir = Files.createTempDirectory("stagecheck-settings-test");
    }

    @AfterClass(alwaysRun = true)
    public void deleteTempDir() throws IOException {
        ProjectFiles.deleteRecursively(tempDir);
    }

    // ---- retries ----

    @Test
    public void retriesAreOptInAndBounded() throws IOException {
        assertBoundedNumber("retries", Settings::retries, 0, "3", 3, "4", "-1", "x", "1.5");
    }

    @Test(description = "crawl.workers is 1 by default, 1 to 8 when given; anything else is one line naming it")
    public void crawlWorkersAreBounded() throws IOException {
        assertBoundedNumber("crawl.workers", Settings::crawlWorkers, 1, "2", 2, "0", "9", "two", "-1");
    }

    /** A whole-number setting: its default, one good value, and bad ones each refused in one line naming key and value. */
    private void assertBoundedNumber(String key, java.util.function.ToIntFunction<Settings> read, int byDefault,
                                     String good, int goodValue, String... bad) throws IOException {
        var site = profile(MINIMAL_PROFILE);
        assertEquals(read.applyAsInt(Settings.load(props("site", site.toString()), Map.of())), byDefault, key + " by default");
        assertEquals(read.applyAsInt(Settings.load(props("site", site.toString(), key, good), Map.of())), goodValue, "-D" + key + "=" + good);
        for (var value : bad) {
            var e = expectThrows(ConfigException.class, () -> Settings.load(props("site", site.toString(), key, value), Map.of()));
            assertTrue(e.getMessage().startsWith(key + " '" + value + "'") && !e.getMessage().contains("\n"),
                    "one line naming the key and the value: " + e.getMessage());
        }
    }

    @Test(description = "grid.url takes the hub's root, also when the /wd/hub or /ui address is pasted")
    public void gridUrlIsTheHubRoot() throws IOException {
        var site = profile(MINIMAL_PROFILE);
        assertTrue(Settings.load(props("site", site.toString()), Map.of()).gridUrl().isEmpty(), "no Grid unless asked");
        for (var given : new String[] {"http://grid:4444", "http://grid:4444/", "http://grid:4444/wd/hub", "http://grid:4444/ui/"}) {
            assertEquals(Settings.load(props("site", site.toString(), "grid.url", given), Map.of()).gridUrl().orElseThrow().toString(),
                    "http://grid:4444", "grid.url " + given);
        }
    }

    @Test(description = "browsers keeps named browsers of a multi-browser suite; empty keeps all; a typo is named")
    public void browsersFilter() throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var all = Settings.load(props("site", site.toString()), Map.of());
        assertTrue(java.util.Arrays.stream(BrowserKind.values()).allMatch(all::runsBrowser), "empty browsers keeps every browser");
        var some = Settings.load(props("site", site.toString(), "browsers", " webkit, chromium "), Map.of());
        assertTrue(some.runsBrowser(BrowserKind.WEBKIT) && some.runsBrowser(BrowserKind.CHROMIUM), "webkit and chromium kept");
        assertTrue(!some.runsBrowser(BrowserKind.FIREFOX), "firefox left out");
        var e = expectThrows(ConfigException.class, () -> Settings.load(props("site", site.toString(), "browsers", "webkit,safri"), Map.of()));
        assertTrue(e.getMessage().contains("safri") && e.getMessage().contains("browsers"), "names the key and the typo: " + e.getMessage());
    }

    // ---- layering ----

    @Test
    public void systemPropertyBeatsEnvironmentBeatsProfileFile() throws IOException {
        var site = profile(MINIMAL_PROFILE + "browser=firefox\ntimeout.page=5s\n");

        var fromProfile = Settings.load(props("site", site.toString()), Map.of());
        assertEquals(fromProfile.browser(), BrowserKind.FIREFOX, "browser from the profile file when nothing else sets it");
        assertEquals(fromProfile.pageTimeout(), Duration.ofSeconds(5), "timeout.page from the profile file when nothing else sets it");

        var env = Map.of("STAGECHECK_BROWSER", "chrome", "STAGECHECK_TIMEOUT_PAGE", "6s");
        var fromEnv = Settings.load(props("site", site.toString()), env);
        assertEquals(fromEnv.browser(), BrowserKind.CHROME, "STAGECHECK_BROWSER should beat browser in the profile file");
        assertEquals(fromEnv.pageTimeout(), Duration.ofSeconds(6), "STAGECHECK_TIMEOUT_PAGE should beat timeout.page in the profile file");

        var fromProperty = Settings.load(props("site", site.toString(), "browser", "chromium", "timeout.page", "7s"), env);
        assertEquals(fromProperty.browser(), BrowserKind.CHROMIUM, "-Dbrowser should beat STAGECHECK_BROWSER and the profile file");
        assertEquals(fromProperty.pageTimeout(), Duration.ofSeconds(7), "-Dtimeout.page should beat STAGECHECK_TIMEOUT_PAGE and the profile file");
    }

    @Test
    public void blankSystemPropertyFallsThroughToTheEnvironment() throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var settings = Settings.load(props("site", site.toString(), "browser", "  "), Map.of("STAGECHECK_BROWSER", "chrome"));
        assertEquals(settings.browser(), BrowserKind.CHROME, "a blank -Dbrowser should count as not given, so STAGECHECK_BROWSER applies");
    }

    @Test
    public void siteCanComeFromTheEnvironment() throws IOException {
        var site = profile("site.name=From env\n" + MINIMAL_PROFILE);
        var settings = Settings.load(new Properties(), Map.of("STAGECHECK_SITE", site.toString()));
        assertEquals(settings.site(), site, "STAGECHECK_SITE should choose the profile file");
        assertEquals(settings.profile().name(), "From env", "the profile named by STAGECHECK_SITE should be the one read");
    }

    @Test
    public void environmentNamesAreUpperCaseWithUnderscores() {
        assertEquals(ConfigLayers.environmentName("timeout.page"), "STAGECHECK_TIMEOUT_PAGE", "dots should become underscores");
        assertEquals(ConfigLayers.environmentName("browser.install"), "STAGECHECK_BROWSER_INSTALL", "dots should become underscores");
        assertEquals(ConfigLayers.environmentName("my-key"), "STAGECHECK_MY_KEY", "dashes should become underscores");
    }

    // ---- defaults ----

    @Test
    public void defaultsApplyWhenNothingIsSet() throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var settings = Settings.load(props("site", site.toString()), Map.of());
        assertTrue(settings.usesDemoSite(), "without base.url the run should target the built-in demo site");
        assertTrue(settings.baseUrl().isEmpty(), "without base.url baseUrl() should be empty");
        assertEquals(settings.browser(), BrowserKind.CHROMIUM, "default browser should be chromium");
        assertTrue(settings.headless(), "default headless should be true");
        assertEquals(settings.device(), Device.DESKTOP, "default device should be desktop");
        assertEquals(settings.pageTimeout(), Duration.ofSeconds(30), "default timeout.page should be 30s");
        assertEquals(settings.elementTimeout(), Duration.ofSeconds(10), "default timeout.element should be 10s");
        assertEquals(settings.httpTimeout(), Duration.ofSeconds(10), "default timeout.http should be 10s");
        assertTrue(settings.browserBinary().isEmpty(), "default browser.binary should be empty (search PATH)");
        assertTrue(settings.driverPath().isEmpty(), "default driver.path should be empty (resolve it)");
        assertTrue(settings.mayInstallBrowser(), "default browser.install should be auto");
        assertEquals(settings.reportsDir(), Path.of("reports"), "default reports.dir should be reports");
    }

    @Test
    public void driverPathFallsBackToWebdriverChromeDriverProperty() throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var settings = Settings.load(props("site", site.toString(), "webdriver.chrome.driver", "/opt/chromedriver"), Map.of());
        assertEquals(settings.driverPath().orElse(null), Path.of("/opt/chromedriver"),
                "without driver.path, -Dwebdriver.chrome.driver should name the driver");
    }

    // ---- values ----

    @DataProvider
    public Object[][] durations() {
        return new Object[][] {
                {"30s", Duration.ofSeconds(30)},
                {"500ms", Duration.ofMillis(500)},
                {"2.5s", Duration.ofMillis(2500)},
                {"7", Duration.ofSeconds(7)},
                {" 15 S ", Duration.ofSeconds(15)},
        };
    }

    @Test(dataProvider = "durations")
    public void durationsAcceptSecondsMillisecondsAndPlainNumbers(String text, Duration expected) throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var settings = Settings.load(props("site", site.toString(),
                "timeout.page", text, "timeout.element", text, "timeout.http", text), Map.of());
        assertEquals(settings.pageTimeout(), expected, "timeout.page '" + text + "' should be " + expected);
        assertEquals(settings.elementTimeout(), expected, "timeout.element '" + text + "' should be " + expected);
        assertEquals(settings.httpTimeout(), expected, "timeout.http '" + text + "' should be " + expected);
    }

    @DataProvider
    public Object[][] booleans() {
        return new Object[][] {
                {"true", true}, {"yes", true}, {"1", true}, {"TRUE", true},
                {"false", false}, {"no", false}, {"0", false}, {"No", false},
        };
    }

    @Test(dataProvider = "booleans")
    public void headlessAcceptsTheUsualWordsForTrueAndFalse(String text, boolean expected) throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var settings = Settings.load(props("site", site.toString(), "headless", text), Map.of());
        assertEquals(settings.headless(), expected, "headless '" + text + "' should read as " + expected);
    }

    @Test
    public void namedValuesAreParsedCaseInsensitively() throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var settings = Settings.load(props("site", site.toString(),
                "browser", "Chrome", "device", "MOBILE", "browser.install", "Never"), Map.of());
        assertEquals(settings.browser(), BrowserKind.CHROME, "browser 'Chrome' should be chrome");
        assertEquals(settings.device(), Device.MOBILE, "device 'MOBILE' should be mobile");
        assertFalse(settings.mayInstallBrowser(), "browser.install 'Never' should forbid installing");
    }

    @Test
    public void baseUrlTrailingSlashIsDropped() throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var root = Settings.load(props("site", site.toString(), "base.url", "https://staging.example.com/"), Map.of());
        assertFalse(root.usesDemoSite(), "with base.url the demo site should not be used");
        assertEquals(root.baseUrl().orElseThrow().toString(), "https://staging.example.com",
                "the trailing slash of base.url should be dropped");

        var withPath = Settings.load(props("site", site.toString(), "base.url", "http://127.0.0.1:8080/app/"), Map.of());
        assertEquals(withPath.baseUrl().orElseThrow().toString(), "http://127.0.0.1:8080/app",
                "base.url should keep its path and port and lose only the trailing slash");

        var without = Settings.load(props("site", site.toString(), "base.url", "https://staging.example.com"), Map.of());
        assertEquals(without.baseUrl().orElseThrow().toString(), "https://staging.example.com",
                "base.url without a trailing slash should stay as it is");
    }

    @Test
    public void baseUrlFromTheEnvironment() throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var settings = Settings.load(props("site", site.toString()), Map.of("STAGECHECK_BASE_URL", "https://env.example.com/"));
        assertEquals(settings.baseUrl().orElseThrow().toString(), "https://env.example.com",
                "STAGECHECK_BASE_URL should set base.url");
    }

    // ---- bad values: one line naming the key and the value ----

    @DataProvider
    public Object[][] badValues() {
        return new Object[][] {
                {"base.url", "htp:/x"},
                {"base.url", "not a url"},
                {"base.url", "ftp://x"},
                {"base.url", "https://"},
                {"browser", "netscape"},
                {"device", "watch"},
                {"timeout.page", "soon"},
                {"timeout.page", "-1s"},
                {"timeout.page", "0"},
                {"timeout.element", "0ms"},
                {"timeout.http", "10 minutes"},
                // Java number suffixes and infinities must not slip through as seconds.
                {"timeout.page", "1d"},
                {"timeout.page", "2f"},
                {"timeout.page", "Infinity"},
                {"timeout.page", "SOON"},
                {"headless", "maybe"},
                {"browser.install", "sometimes"},
        };
    }

    @Test(dataProvider = "badValues")
    public void badValueIsRejectedWithOneLineNamingKeyAndValue(String key, String value) throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var error = expectThrows(ConfigException.class,
                () -> Settings.load(props("site", site.toString(), key, value), Map.of()));
        assertOneLine(error);
        assertTrue(error.getMessage().contains(key),
                "the message should name the key " + key + ": " + error.getMessage());
        assertTrue(error.getMessage().contains("'" + value + "'"),
                "the message should quote the bad value '" + value + "': " + error.getMessage());
        assertTrue(error.getMessage().contains("-D" + key),
                "the message should say the value came from -D" + key + ": " + error.getMessage());
    }

    @Test
    public void badValueFromTheEnvironmentNamesTheVariable() throws IOException {
        var site = profile(MINIMAL_PROFILE);
        var error = expectThrows(ConfigException.class,
                () -> Settings.load(props("site", site.toString()), Map.of("STAGECHECK_BROWSER", "netscape")));
        assertOneLine(error);
        assertTrue(error.getMessage().contains("'netscape'"), "the message should quote the bad value 'netscape': " + error.getMessage());
        assertTrue(error.getMessage().contains("STAGECHECK_BROWSER"),
                "the message should say the value came from STAGECHECK_BROWSER: " + error.getMessage());
    }

    @Test
    public void badValueFromTheProfileNamesKeyAndFile() throws IOException {
        var site = profile(MINIMAL_PROFILE + "timeout.element=soon\n");
        var error = expectThrows(ConfigException.class,
                () -> Settings.load(props("site", site.toString()), Map.of()));
        assertOneLine(error);
        assertTrue(error.getMessage().contains("timeout.element"), "the message should name timeout.element: " + error.getMessage());
        assertTrue(error.getMessage().contains("'soon'"), "the message should quote the bad value 'soon': " + error.getMessage());
        assertTrue(error.getMessage().contains(site.toString()), "the message should name the profile file " + site + ": " + error.getMessage());
    }

    @Test
    public void missingProfileFileNamesThePathAndSaysDashDSite() {
        var missing = tempDir.resolve("no-such-profile.properties");
        var error = expectThrows(ConfigException.class,
                () -> Settings.load(props("site", missing.toString()), Map.of()));
        assertOneLine(error);
        assertTrue(error.getMessage().contains(missing.toString()), "the message should name the missing file " + missing + ": " + error.getMessage());
        assertTrue(error.getMessage().contains("-Dsite"), "the message should say how to choose a profile (-Dsite): " + error.getMessage());
    }

    @Test
    public void profileThatIsADirectoryIsRejectedLikeAMissingOne() {
        var error = expectThrows(ConfigException.class,
                () -> Settings.load(props("site", tempDir.toString()), Map.of()));
        assertOneLine(error);
        assertTrue(error.getMessage().contains(tempDir.toString()), "the message should name the path " + tempDir + ": " + error.getMessage());
    }

    @Test
    public void profileWithABrokenUnicodeEscapeIsRejectedInOneLine() throws IOException {
        var site = profile(MINIMAL_PROFILE + "site.name=bad \\uZZZZ escape\n");
        var error = expectThrows(ConfigException.class,
                () -> Settings.load(props("site", site.toString()), Map.of()));
        assertOneLine(error);
        assertTrue(error.getMessage().contains(site.toString()), "the message should name the unreadable file " + site + ": " + error.getMessage());
    }

    // ---- the real profile ----

    @Test
    public void demoProfileOfTheProjectLoads() {
        var demo = ProjectFiles.demoProfile();
        var settings = Settings.load(props("site", demo.toString()), Map.of());
        assertTrue(settings.usesDemoSite(), "sites/demo.properties sets no base.url, so the demo site should be used");
        assertEquals(settings.profile().name(), "Demo staging site", "site.name of sites/demo.properties");
        assertEquals(settings.profile().file(), demo.toString(), "the profile should remember the file it came from");
        assertEquals(settings.browser(), BrowserKind.CHROMIUM, "sites/demo.properties should leave the browser at its default");
    }

    // ---- helpers ----

    private Path profile(String text) throws IOException {
        var file = tempDir.resolve("profile-" + fileCount.incrementAndGet() + ".properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }


    private static void assertOneLine(ConfigException error) {
        var message = error.getMessage();
        assertTrue(message != null && !message.isBlank(), "a ConfigException should carry a message");
        assertFalse(message.contains("\n") || message.contains("\r"),
                "a ConfigException message should be one line, got: " + message);
    }
}
