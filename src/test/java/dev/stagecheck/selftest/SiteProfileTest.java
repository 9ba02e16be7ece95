package dev.stagecheck.selftest;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.ProfileReader;
import dev.stagecheck.config.ExpectedChallenge;
import dev.stagecheck.config.SecretRef;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.url.UrlPattern;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * The site profile: the real demo profile's structure, the complaints about missing, misspelt and
 * malformed keys, optional areas, secrets that never show, and the never-visit patterns.
 */
public class SiteProfileTest {

    private final AtomicInteger fileCount = new AtomicInteger();
    private Path tempDir;
    private Properties demo;
    private SiteProfile demoProfile;

    @BeforeClass
    public void readDemoProfile() throws IOException {
        tempDir = Files.createTempDirectory("stagecheck-profile-test");
        demo = new Properties();
        try (Reader in = Files.newBufferedReader(ProjectFiles.demoProfile(), StandardCharsets.UTF_8)) {
            demo.load(in);
        }
        demoProfile = SiteProfile.from(new ProfileReader(demo, ProjectFiles.demoProfile().toString()));
    }

    @AfterClass(alwaysRun = true)
    public void deleteTempDir() throws IOException {
        ProjectFiles.deleteRecursively(tempDir);
    }

    // ---- the WordPress profile (proven on a real WordPress by RealWordPressTest; read here everywhere) ----

    @Test(description = "sites/wordpress.properties loads and says what WordPress really does: nonce logout, Basic and Digest areas, an admin-only family, a REST API without a challenge")
    public void wordPressProfileLoadsWithWhatWordPressReallyDoes() throws IOException {
        var file = ProjectFiles.projectDir().resolve("sites/wordpress.properties");
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        var profile = SiteProfile.from(new ProfileReader(properties, file.toString()));
        var login = profile.login().orElseThrow(() -> new AssertionError("the WordPress profile should check the login"));
        assertEquals(login.logoutLink(), Optional.of("#wp-admin-bar-logout a"), "logout.link: a bare ?action=logout answers 403");
        assertEquals(profile.protectedUrls().stream().map(url -> url.auth()).toList(), List.of("basic", "digest"), "protected.1/2.auth");
        assertEquals(profile.forbiddenUrls().get(0).url(), "/wp-admin/options-general.php", "forbidden.1.url");
        assertTrue(profile.apiEndpoints().get(0).challenge().none(), "api.1.challenge=none: the REST API answers 401 without WWW-Authenticate");
        assertTrue(profile.contact().isPresent() && profile.search().isPresent(), "the comment form and the Search block are checked");
    }

    // ---- the demo profile ----

    @Test
    public void demoProfileHasNameStartUrlsAndNavigation() {
        assertEquals(demoProfile.name(), "Demo staging site", "site.name");
        assertEquals(demoProfile.startUrls(), List.of("/"), "start.urls");
        assertEquals(demoProfile.navigation().links(), "#site-nav a", "nav.links");
        assertEquals(demoProfile.navigation().menuToggle(), Optional.of(".menu-toggle"), "nav.toggle");
        assertEquals(demoProfile.navigation().sectionLinks(), Optional.of(".section-nav a"), "nav.section.links");
    }

    @Test
    public void demoProfileHasABasicAndADigestProtectedUrl() {
        assertEquals(demoProfile.protectedUrls().size(), 2, "the demo profile should list two protected URLs (Basic, Digest)");
        var admin = demoProfile.protectedUrls().get(0);
        assertEquals(admin.url(), "/admin/", "protected.1.url, by default the fixed beginning of protected.1.area");
        assertEquals(admin.area(), Optional.of("/admin/*"), "protected.1.area");
        assertEquals(admin.expectedStatus(), 401, "protected.1.status");
        assertEquals(admin.challenge(), new ExpectedChallenge(Optional.of("Basic"), Optional.of("Admin Area")), "protected.1.challenge and realm");
        assertEquals(admin.auth(), "basic", "protected.1.auth");
        assertEquals(admin.username().map(SecretRef::name), Optional.of("STAGECHECK_DEMO_ADMIN_USER"), "protected.1.username.env");
        assertEquals(admin.password().map(SecretRef::name), Optional.of("STAGECHECK_DEMO_ADMIN_PASSWORD"), "protected.1.password.env");
        assertTrue(admin.token().isEmpty(), "a basic-auth protected URL should have no token");
        var reports = demoProfile.protectedUrls().get(1);
        assertEquals(reports.url(), "/reports/", "protected.2.url, by default the fixed beginning of protected.2.area");
        assertEquals(reports.area(), Optional.of("/reports/*"), "protected.2.area");
        assertEquals(reports.challenge(), new ExpectedChallenge(Optional.of("Digest"), Optional.of("Reports")), "protected.2.challenge and realm");
        assertEquals(reports.auth(), "digest", "protected.2.auth");
        assertEquals(reports.username().map(SecretRef::name), Optional.of("STAGECHECK_DEMO_REPORTS_USER"), "protected.2.username.env");
        assertEquals(reports.password().map(SecretRef::name), Optional.of("STAGECHECK_DEMO_REPORTS_PASSWORD"), "protected.2.password.env");
    }

    @Test
    public void demoProfileHasOneForbiddenUrlCheckedAsMember() {
        assertEquals(demoProfile.forbiddenUrls(), List.of(new SiteProfile.ForbiddenUrl("/members/staff", Optional.empty(), true)),
                "the demo profile should list /members/staff as the one forbidden URL, checked as a member");
    }

    @Test
    public void demoProfileHasTwoApisWithTheirKeyHeadersAndChallenges() {
        assertEquals(demoProfile.apiEndpoints().size(), 2, "the demo profile should list two APIs");
        var api = demoProfile.apiEndpoints().get(0);
        assertEquals(api.url(), "/api/orders", "api.1.url");
        assertEquals(api.keyHeader(), "X-API-Key", "api.1.key.header");
        assertEquals(api.key().name(), "STAGECHECK_DEMO_API_KEY", "api.1.key.env");
        assertEquals(api.challenge(), new ExpectedChallenge(Optional.of("Bearer"), Optional.of("Demo API")), "api.1.challenge and realm");
        assertEquals(api.keyScheme(), Optional.empty(), "a key in X-API-Key is sent alone");
        var stock = demoProfile.apiEndpoints().get(1);
        assertEquals(stock.url(), "/api/stock", "api.2.url");
        assertEquals(stock.keyHeader(), "Authorization", "api.2.key.header defaults to Authorization");
        assertEquals(stock.keyScheme(), Optional.of("Basic"), "api.2.key.scheme");
        assertTrue(stock.challenge().none(), "api.2.challenge=none: the stock API sends no WWW-Authenticate");
    }

    @Test
    public void demoProfileHasThreeContactFieldsInOrder() {
        var contact = demoProfile.contact().orElseThrow(() -> new AssertionError("the demo profile should have a contact form"));
        assertEquals(contact.url(), "/contact", "contact.url");
        assertEquals(contact.fields().stream().map(SiteProfile.Field::selector).toList(), List.of("#name", "#email", "#message"),
                "the contact fields should come in the order of their numbers");
        assertEquals(contact.fields().get(0).value(), "Ada Tester", "contact.field.1.value");
        assertEquals(contact.fields().get(1).value(), "ada@example.test", "contact.field.2.value");
        assertEquals(contact.submit(), "#contact-submit", "contact.submit");
        assertEquals(contact.errorMarker(), ".field-error", "contact.error.marker");
        assertEquals(contact.successMarker(), ".confirmation", "contact.success.marker");
    }

    @Test
    public void demoProfileHasLoginAndSearch() {
        var login = demoProfile.login().orElseThrow(() -> new AssertionError("the demo profile should have a login"));
        assertEquals(login.url(), "/login", "login.url");
        assertEquals(login.submit(), "#login-submit", "login.submit");
        assertEquals(login.username().name(), "STAGECHECK_DEMO_USER", "login.username.env");
        assertEquals(login.password().name(), "STAGECHECK_DEMO_PASSWORD", "login.password.env");
        assertEquals(login.logoutUrl(), Optional.of("/logout"), "logout.url");
        var search = demoProfile.search().orElseThrow(() -> new AssertionError("the demo profile should have a search"));
        assertEquals(search.input(), "#q", "search.input");
        assertEquals(search.submit(), Optional.of("#search-submit"), "search.submit");
        assertEquals(search.query(), "pricing", "search.query");
    }

    @Test
    public void demoProfileNamesTenSecretsAndTheNeverVisitPatterns() {
        assertEquals(demoProfile.secrets().stream().map(SecretRef::name).distinct().toList(),
                List.of("STAGECHECK_DEMO_USER", "STAGECHECK_DEMO_PASSWORD", "STAGECHECK_DEMO_ADMIN_USER",
                        "STAGECHECK_DEMO_ADMIN_PASSWORD", "STAGECHECK_DEMO_REPORTS_USER", "STAGECHECK_DEMO_REPORTS_PASSWORD",
                        "STAGECHECK_DEMO_API_KEY", "STAGECHECK_DEMO_STOCK_KEY", "STAGECHECK_DEMO_STAFF_USER", "STAGECHECK_DEMO_STAFF_PASSWORD"),
                "secrets() should list login, protected-URL, API and role secrets in that order");
        assertEquals(demoProfile.safety().neverVisit().stream().map(UrlPattern::glob).toList(), List.of("*/_demo/*"),
                "never.visit of the demo profile (the built-in safety rules come on top)");
    }

    // ---- complaints ----

    @Test
    public void missingRequiredKeyInAnAreaNamesTheKeyAndTheFile() throws IOException {
        var site = profile(demoWithout("login.submit"));
        var error = expectThrows(ConfigException.class, () -> load(site));
        assertOneLine(error);
        assertTrue(error.getMessage().contains("login.submit"), "the message should name the missing key login.submit: " + error.getMessage());
        assertTrue(error.getMessage().contains(site.toString()), "the message should name the file " + site + ": " + error.getMessage());
        assertTrue(error.getMessage().contains("missing"), "the message should say the key is missing: " + error.getMessage());
    }

    @Test
    public void missingNavLinksIsReportedEvenInAnOtherwiseEmptyProfile() throws IOException {
        var site = profile(new Properties());
        var error = expectThrows(ConfigException.class, () -> load(site));
        assertTrue(error.getMessage().contains("nav.links"), "the message should name the required nav.links: " + error.getMessage());
    }

    @Test
    public void misspeltExtraKeyIsReportedAsUnknown() throws IOException {
        var properties = copyOfDemo();
        properties.setProperty("login.usrname.field", "#user");
        var site = profile(properties);
        var error = expectThrows(ConfigException.class, () -> load(site));
        assertOneLine(error);
        assertTrue(error.getMessage().contains("unknown key"), "the message should say 'unknown key': " + error.getMessage());
        assertTrue(error.getMessage().contains("login.usrname.field"), "the message should name the misspelt key: " + error.getMessage());
        assertTrue(error.getMessage().contains(site.toString()), "the message should name the file " + site + ": " + error.getMessage());
    }

    @Test
    public void misspeltOptionalKeyIsReportedAsUnknownInsteadOfSilentlyIgnored() throws IOException {
        var properties = copyOfDemo();
        properties.setProperty("nav.toogle", properties.getProperty("nav.toggle"));
        properties.remove("nav.toggle");
        var site = profile(properties);
        var error = expectThrows(ConfigException.class, () -> load(site));
        assertTrue(error.getMessage().contains("unknown key") && error.getMessage().contains("nav.toogle"),
                "a misspelt optional key should be reported as 'unknown key nav.toogle': " + error.getMessage());
    }

    @Test
    public void misspeltRequiredKeyIsReportedAsTheMissingCorrectKey() throws IOException {
        // When the misspelling replaces a required key, the missing-key check runs first (unknown keys
        // are only looked for once the whole profile was read), so the message names the right key.
        var properties = copyOfDemo();
        properties.setProperty("login.usrname.field", properties.getProperty("login.username.field"));
        properties.remove("login.username.field");
        var site = profile(properties);
        var error = expectThrows(ConfigException.class, () -> load(site));
        assertTrue(error.getMessage().contains("login.username.field") && error.getMessage().contains("missing"),
                "the message should say login.username.field is missing: " + error.getMessage());
    }

    @Test
    public void secretKeyHoldingSomethingOtherThanAVariableNameIsMalformed() throws IOException {
        var properties = copyOfDemo();
        properties.setProperty("login.password.env", "hunter2 pass!");
        var site = profile(properties);
        var error = expectThrows(ConfigException.class, () -> load(site));
        assertOneLine(error);
        assertTrue(error.getMessage().contains("login.password.env"), "the message should name the key login.password.env: " + error.getMessage());
        assertTrue(error.getMessage().contains("malformed"), "the message should say the value is malformed: " + error.getMessage());
        assertTrue(error.getMessage().contains(site.toString()), "the message should name the file " + site + ": " + error.getMessage());
    }

    @Test
    public void unknownAuthKindOfAProtectedUrlIsMalformed() throws IOException {
        var properties = copyOfDemo();
        properties.setProperty("protected.1.auth", "kerberos");
        var site = profile(properties);
        var error = expectThrows(ConfigException.class, () -> load(site));
        assertTrue(error.getMessage().contains("protected.1.auth") && error.getMessage().contains("'kerberos'")
                        && error.getMessage().contains("basic, digest, bearer or none"),
                "the message should name protected.1.auth, the value 'kerberos' and the choices: " + error.getMessage());
    }

    @Test
    public void digestAuthNeedsUserNameAndPasswordVariables() throws IOException {
        var properties = copyOfDemo();
        properties.remove("protected.2.password.env");
        var site = profile(properties);
        var error = expectThrows(ConfigException.class, () -> load(site));
        assertOneLine(error);
        assertTrue(error.getMessage().contains("protected.2.password.env"), "the message should name the missing key: " + error.getMessage());
    }

    @Test
    public void forbiddenUrlCheckedAsMemberNeedsTheLoginKeys() throws IOException {
        var site = profile("nav.links=nav a\nforbidden.1.url=/staff\n");
        var error = expectThrows(ConfigException.class, () -> load(site));
        assertOneLine(error);
        assertTrue(error.getMessage().contains("login.url"), "the message should say login.url is needed: " + error.getMessage());
    }

    // ---- optional areas ----

    @Test
    public void minimalProfileWithOnlyNavLinksLoadsWithEveryAreaAbsent() throws IOException {
        var site = profile("nav.links=nav a\n");
        var profile = load(site);
        assertEquals(profile.navigation().links(), "nav a", "nav.links");
        assertEquals(profile.login(), Optional.empty(), "no login.url: login should be absent");
        assertEquals(profile.contact(), Optional.empty(), "no contact.url: contact form should be absent");
        assertEquals(profile.search(), Optional.empty(), "no search.input: search should be absent");
        assertTrue(profile.protectedUrls().isEmpty(), "no protected.N keys: no protected URLs");
        assertTrue(profile.forbiddenUrls().isEmpty(), "no forbidden.N keys: no forbidden URLs");
        assertTrue(profile.apiEndpoints().isEmpty(), "no api.N keys: no APIs");
        assertTrue(profile.secrets().isEmpty(), "a profile without login, protected URLs and APIs names no secrets");
        assertEquals(profile.name(), site.toString(), "without site.name the profile should be named after its file");
        assertEquals(profile.startUrls(), List.of("/"), "start.urls should default to /");
        assertTrue(profile.safety().neverVisit().isEmpty() && profile.safety().allow().isEmpty(),
                "never.visit and crawl.allow should default to nothing beyond the built-in safety rules");
    }

    // ---- secrets ----

    @Test
    public void secretRefToStringNeverShowsTheValue() throws IOException {
        var name = "STAGECHECK_SELFTEST_SECRET_" + ProcessHandle.current().pid();
        var value = "s3cr3t-Value-" + System.nanoTime();
        System.setProperty(name, value);
        try {
            var ref = new SecretRef(name, "login.password.env", "x.properties");
            assertTrue(ref.isSet(), "the secret should count as set while -D" + name + " is set");
            assertEquals(ref.value(), value, "value() should read the -D property");
            assertEquals(ref.toString(), "$" + name, "toString() should show only the variable name");
            assertFalse(ref.toString().contains(value), "toString() must not contain the secret");

            var properties = copyOfDemo();
            properties.setProperty("login.password.env", name);
            var profile = load(profile(properties));
            assertFalse(profile.toString().contains(value), "the whole profile's toString() must not contain the secret");
            assertFalse(profile.login().orElseThrow().toString().contains(value), "the login's toString() must not contain the secret");
        } finally {
            System.clearProperty(name);
        }
    }

    @Test
    public void valueOfAnUnsetSecretNamesTheVariableAndSaysExport() {
        var name = "STAGECHECK_SELFTEST_UNSET_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        var ref = new SecretRef(name, "api.1.key.env", "sites/x.properties");
        assertFalse(ref.isSet(), "an unset variable should not count as set");
        var error = expectThrows(ConfigException.class, ref::value);
        assertOneLine(error);
        assertTrue(error.getMessage().contains(name), "the message should name the variable " + name + ": " + error.getMessage());
        assertTrue(error.getMessage().contains("export"), "the message should say to export it: " + error.getMessage());
        assertTrue(error.getMessage().contains("api.1.key.env"), "the message should name the profile key: " + error.getMessage());
    }

    // ---- never visit ----

    @DataProvider
    public Object[][] visits() {
        return new Object[][] {
                {"http://x/logout", false},
                {"http://x/account/delete?id=3", false},
                {"http://x/LogOut", false},
                {"http://x/cart/REMOVE/4", false},
                {"http://x/products/", true},
                {"http://x/", true},
        };
    }

    @Test(dataProvider = "visits")
    public void mayVisitFollowsTheNeverVisitPatternsCaseInsensitively(String url, boolean expected) {
        assertEquals(demoProfile.mayVisit(url), expected, "mayVisit(" + url + ")");
    }

    @Test
    public void urlPatternQuestionMarkIsOneCharacterAndOtherCharactersAreLiteral() {
        var pattern = UrlPattern.of("*/item-?.html");
        assertTrue(pattern.matches("http://x/item-1.html"), "? should match one character");
        assertFalse(pattern.matches("http://x/item-12.html"), "? should match exactly one character");
        assertFalse(pattern.matches("http://x/item-1xhtml"), ". should be literal, not any character");
    }

    // ---- helpers ----

    private SiteProfile load(Path site) {
        var properties = new Properties();
        properties.setProperty("site", site.toString());
        return Settings.load(properties, Map.of()).profile();
    }

    private Properties copyOfDemo() {
        var copy = new Properties();
        copy.putAll(demo);
        return copy;
    }

    private Properties demoWithout(String key) {
        var copy = copyOfDemo();
        assertTrue(copy.containsKey(key), "the demo profile should have " + key + " to remove");
        copy.remove(key);
        return copy;
    }

    private Path profile(Properties properties) throws IOException {
        var file = tempDir.resolve("profile-" + fileCount.incrementAndGet() + ".properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "written by SiteProfileTest");
        }
        return file;
    }

    private Path profile(String text) throws IOException {
        var file = tempDir.resolve("profile-" + fileCount.incrementAndGet() + ".properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertOneLine(ConfigException error) {
        var message = error.getMessage();
        assertTrue(message != null && !message.isBlank(), "a ConfigException should carry a message");
        assertFalse(message.contains("\n") || message.contains("\r"), "a ConfigException message should be one line, got: " + message);
    }
}
