package dev.stagecheck.selftest;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.RunValues;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.verdict.ResponseRule;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.stagecheck.selftest.TestProperties.props;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * The profile keys for what real sites do: areas by glob, the challenge apart from the key's scheme
 * (and "none"), per-run values, and -D / STAGECHECK_ overrides of every key, each bad value one line.
 */
public class ProfileKeysTest {
    private static final String BASE = "nav.links=nav a\n";
    private Path dir;

    @BeforeClass
    public void scratch() throws IOException {
        dir = ScratchFolders.newFolder("profile-keys");
    }

    @AfterClass(alwaysRun = true)
    public void cleanUp() throws IOException {
        ProjectFiles.deleteRecursively(dir);
    }

    // ---- areas ----

    @Test(description = "an area's glob makes every URL in it an expected 401 (crawl, guard, server log); the check opens its fixed beginning")
    public void protectedAreaCoversEveryUrlBelowIt() throws IOException {
        var profile = load(BASE + "protected.1.area=/members/*\nprotected.1.auth=none\nforbidden.1.area=/staff/*\nforbidden.1.as.member=false\n");
        var area = profile.protectedUrls().get(0);
        assertEquals(area.url(), "/members/", "the URL the challenge check opens: the glob's fixed beginning");
        var rule = ResponseRule.of(profile);
        assertTrue(rule.expects401(TargetSite.resolve("/members/missing-report.html")), "a page below the area may answer 401");
        assertTrue(rule.expects401(TargetSite.resolve("/members/")), "the area's own root may answer 401");
        assertFalse(rule.expects401(TargetSite.resolve("/membership")), "a URL outside the glob may not");
        assertFalse(rule.expects403(TargetSite.resolve("/members/x")), "a protected area expects 401, not 403");
        assertTrue(rule.expects403(TargetSite.resolve("/staff/rota")), "a forbidden area expects 403");
        assertFalse(rule.expects401(TargetSite.resolve("/staff/rota")), "a forbidden area does not excuse a 401");
        assertTrue(rule.expectsLogged401("127.0.0.1 - - [02/Dec/2026:10:00:00 +0000] \"GET /members/report.pdf?x=1 HTTP/1.1\" 401 381"),
                "a logged 401 inside the area is expected");
        assertFalse(rule.expectsLogged401("127.0.0.1 - - [02/Dec/2026:10:00:00 +0000] \"GET /about HTTP/1.1\" 401 381"),
                "a logged 401 outside it is not");
    }

    @Test(description = "an access matrix area where some role must get 401 or 403 makes those answers expected in it, as a protected area does")
    public void accessMatrixAreaExcusesItsOwn401sAnd403s() throws IOException {
        var profile = load(BASE + "role.1.name=partner\nrole.1.auth=bearer\nrole.1.token.env=T\n"
                + "access.1.area=/partners/*\naccess.1.visitor=401 Bearer\naccess.1.partner=200\n"
                + "access.2.area=/staff/*\naccess.2.partner=403\n");
        var rule = ResponseRule.of(profile);
        assertTrue(rule.expects401(TargetSite.resolve("/partners/prices")), "a page the area search may find answers the visitor 401");
        assertTrue(rule.expectsLogged401("127.0.0.1 - - [02/Dec/2026:10:00:00 +0000] \"GET /partners/prices HTTP/1.1\" 401 381"),
                "its 401 in the server log is expected");
        assertFalse(rule.expects401(TargetSite.resolve("/about")), "outside the area a 401 is still a finding");
        assertTrue(rule.expects403(TargetSite.resolve("/staff/rota")), "a 403 area of the matrix");
        assertFalse(rule.expects401(TargetSite.resolve("/staff/rota")), "a 403 area does not excuse a 401");
    }

    @Test(description = "an area with its own check URL keeps it; one outside the area, no glob, unknown syntax or no fixed beginning is one line")
    public void badAreasAreRefusedInOneLine() throws IOException {
        assertEquals(load(BASE + "protected.1.area=/members/*\nprotected.1.url=/members/home\nprotected.1.auth=none\n")
                .protectedUrls().get(0).url(), "/members/home");
        assertRefused(BASE + "protected.1.area=/members/\nprotected.1.auth=none\n", "protected.1.area", "'/members/'", "glob");
        assertRefused(BASE + "protected.1.area=/members/[a-z]*\nprotected.1.auth=none\n", "protected.1.area", "'['");
        assertRefused(BASE + "protected.1.area=/members/*\nprotected.1.url=/about\nprotected.1.auth=none\n", "protected.1.url", "not in");
        assertRefused(BASE + "forbidden.1.area=*/staff/*\nforbidden.1.as.member=false\n", "forbidden.1.url", "missing", "fixed beginning");
    }

    // ---- challenges and keys ----

    @Test(description = "challenge is a registered scheme or none; a typo, none with a realm, and the old split key are refused in one line")
    public void challengeValuesAreChecked() throws IOException {
        var profile = load(BASE + "protected.1.url=/a/\nprotected.1.challenge=digest\nprotected.1.username.env=U\nprotected.1.password.env=P\n"
                + "api.1.url=/api\napi.1.key.env=K\napi.1.challenge=none\napi.1.key.scheme=Basic\n");
        assertEquals(profile.protectedUrls().get(0).challenge().scheme(), Optional.of("Digest"), "the registry's spelling");
        assertEquals(profile.protectedUrls().get(0).auth(), "digest", "auth follows a Digest challenge by default");
        assertTrue(profile.apiEndpoints().get(0).challenge().none(), "api.1.challenge=none");
        assertEquals(profile.apiEndpoints().get(0).keyScheme(), Optional.of("Basic"), "api.1.key.scheme");
        assertRefused(BASE + "protected.1.url=/a/\nprotected.1.challenge=Basci\nprotected.1.auth=none\n", "protected.1.challenge", "'Basci'", "Basic");
        assertRefused(BASE + "api.1.url=/api\napi.1.key.env=K\napi.1.challenge=none\napi.1.realm=x\n", "api.1.challenge", "api.1.realm");
        assertRefused(BASE + "api.1.url=/api\napi.1.key.env=K\napi.1.scheme=Bearer\n", "api.1.scheme", "api.1.challenge", "api.1.key.scheme");
        assertRefused(BASE + "protected.1.url=/a/\nprotected.1.scheme=Basic\nprotected.1.auth=none\n", "protected.1.scheme", "protected.1.challenge");
        assertRefused(BASE + "api.1.url=/api\napi.1.key.env=K\napi.1.key.scheme=Baerer\n", "api.1.key.scheme", "'Baerer'");
        assertRefused(BASE + "api.1.url=/api\napi.1.key.env=K\napi.1.key.header=X-Key\napi.1.key.scheme=Bearer\n", "api.1.key.scheme", "X-Key");
        assertEquals(load(BASE + "api.1.url=/api\napi.1.key.env=K\napi.1.key.scheme=none\n").apiEndpoints().get(0).keyScheme(), Optional.empty(),
                "key.scheme=none sends the key alone");
    }

    // ---- per-run values ----

    @Test(description = "${run} and ${time} in a form value are filled in when typed; an unknown placeholder is one line")
    public void perRunValuesDifferPerRun() throws IOException {
        var profile = load(BASE + "contact.url=/c\ncontact.field.1.selector=#m\ncontact.field.1.value=Hello from run ${run} at ${time}\n"
                + "contact.submit=#s\ncontact.error.marker=.e\ncontact.success.marker=.ok\ncustom.tag=t-${run}\n");
        var field = profile.contact().orElseThrow().fields().get(0);
        assertEquals(field.value(), "Hello from run ${run} at ${time}", "the value as written");
        var typed = field.typed();
        assertTrue(typed.startsWith("Hello from run " + RunValues.runId() + " at 20"), "typed with the run id and the time: " + typed);
        assertFalse(typed.contains("${"), "no placeholder left: " + typed);
        assertEquals(profile.custom().required("tag"), "t-" + RunValues.runId(), "custom values get the run id too");
        assertRefused(BASE + "contact.url=/c\ncontact.field.1.selector=#m\ncontact.field.1.value=x ${date}\ncontact.submit=#s\n"
                + "contact.error.marker=.e\ncontact.success.marker=.ok\n", "contact.field.1.value", "${date}", "${run}");
    }

    // ---- overrides ----

    @Test(description = "-Dkey beats STAGECHECK_KEY beats the file for every profile key, numbered ones included")
    public void overridesFollowTheReadmePrecedence() throws IOException {
        var site = profileFile(BASE + "contact.url=/c\ncontact.field.1.selector=#m\ncontact.field.1.value=from the file\n"
                + "contact.submit=#s\ncontact.error.marker=.e\ncontact.success.marker=.ok\ncrawl.max.pages=10\n");
        var fromEnvironment = Settings.load(props("site", site.toString()),
                Map.of("STAGECHECK_CONTACT_FIELD_1_VALUE", "from the environment", "STAGECHECK_CRAWL_MAX_PAGES", "20")).profile();
        assertEquals(fromEnvironment.contact().orElseThrow().fields().get(0).value(), "from the environment");
        assertEquals(fromEnvironment.crawl().maxPages(), 20);
        var fromProperty = Settings.load(props("site", site.toString(), "contact.field.1.value", "from -D", "protected.2.url", "/extra/",
                "protected.2.auth", "none"), Map.of("STAGECHECK_CONTACT_FIELD_1_VALUE", "from the environment")).profile();
        assertEquals(fromProperty.contact().orElseThrow().fields().get(0).value(), "from -D", "-D beats the environment");
        assertEquals(fromProperty.protectedUrls().stream().map(SiteProfile.ProtectedUrl::url).toList(), List.of("/extra/"),
                "-Dprotected.2.url adds an entry");
        var fromVariableIndex = Settings.load(props("site", site.toString()),
                Map.of("STAGECHECK_PROTECTED_1_URL", "/env/", "STAGECHECK_PROTECTED_1_AUTH", "none")).profile();
        assertEquals(fromVariableIndex.protectedUrls().get(0).url(), "/env/", "a STAGECHECK_ variable adds an entry too");
    }

    @Test(description = "an override no check reads is refused in one line naming it, never ignored; bad override values name their origin")
    public void unreadOverridesAreRefused() throws IOException {
        var site = profileFile(BASE + "login.url=/l\nlogin.username.field=#u\nlogin.password.field=#p\nlogin.submit=#s\n"
                + "login.success.marker=.in\nlogin.failure.marker=.err\nlogin.username.env=STAGECHECK_LOGIN_WHO\n"
                + "login.password.env=STAGECHECK_LOGIN_SECRET\nlogin.member.url=/m\nlogout.url=/bye\n");
        var misspelt = expectThrows(ConfigException.class, () -> Settings.load(props("site", site.toString(), "contact.feild.1.value", "x"), Map.of()));
        assertOneLineNaming(misspelt, "-Dcontact.feild.1.value");
        var variable = expectThrows(ConfigException.class, () -> Settings.load(props("site", site.toString()), Map.of("STAGECHECK_LOGIN_URLL", "/x")));
        assertOneLineNaming(variable, "STAGECHECK_LOGIN_URLL");
        // The profile's own secrets may live in variables that look like keys; those are secrets, not overrides.
        Settings.load(props("site", site.toString()), Map.of("STAGECHECK_LOGIN_SECRET", "pw", "STAGECHECK_LOGIN_WHO", "me",
                "STAGECHECK_CRAWL_WORKERS", "2"));
        var badValue = expectThrows(ConfigException.class, () -> Settings.load(props("site", site.toString(), "crawl.max.pages", "lots"), Map.of()));
        assertOneLineNaming(badValue, "-Dcrawl.max.pages", "'lots'");
        for (var rate : List.of("fast", "0", "-3", "Infinity")) {
            var badRate = expectThrows(ConfigException.class, () -> Settings.load(props("site", site.toString(), "crawl.rate", rate), Map.of()));
            assertOneLineNaming(badRate, "-Dcrawl.rate", "'" + rate + "'", "unlimited");
        }
        assertEquals(Settings.load(props("site", site.toString(), "crawl.rate", "0.5"), Map.of()).profile().crawl().rate(), Optional.of(0.5));
        assertEquals(Settings.load(props("site", site.toString(), "crawl.rate", "unlimited"), Map.of()).profile().crawl().rate(),
                Optional.of(Double.POSITIVE_INFINITY));
    }

    // ---- helpers ----

    private void assertRefused(String profile, String... mentions) throws IOException {
        var error = expectThrows(ConfigException.class, () -> load(profile));
        assertOneLineNaming(error, mentions);
    }

    private static void assertOneLineNaming(ConfigException error, String... mentions) {
        var message = error.getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        for (var mention : mentions) {
            assertTrue(message.contains(mention), "the line should name " + mention + ": " + message);
        }
    }

    private SiteProfile load(String text) throws IOException {
        return Settings.load(props("site", profileFile(text).toString()), Map.of()).profile();
    }

    private Path profileFile(String text) throws IOException {
        var file = Files.createTempFile(dir, "profile-", ".properties");
        Files.writeString(file, text);
        return file;
    }
}
