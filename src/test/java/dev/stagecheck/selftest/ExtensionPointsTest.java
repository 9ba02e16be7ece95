package dev.stagecheck.selftest;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import dev.stagecheck.pages.FormSignIn;
import dev.stagecheck.pages.SignInFlow;
import dev.stagecheck.verdict.FindingKind;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.stagecheck.selftest.TestProperties.props;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/** The extension points without a browser: custom.* keys, login.flow, finding kinds of one's own. */
public class ExtensionPointsTest {
    private Path dir;

    @BeforeClass
    public void scratch() throws IOException {
        dir = Files.createTempDirectory("stagecheck-extension-points-");
    }

    @AfterClass(alwaysRun = true)
    public void cleanUp() throws IOException {
        ProjectFiles.deleteRecursively(dir);
    }

    @Test(description = "custom.* keys reach user code instead of failing the run as unknown; -Dcustom.* overrides them")
    public void customKeysArePassedOnAndOverridable() throws IOException {
        var site = profile("custom.pricing.url=/products/pricing\ncustom.team.size=4\n");
        var custom = Settings.load(props("site", site.toString()), Map.of()).profile().custom();
        assertEquals(custom.find("pricing.url").orElseThrow(), "/products/pricing");
        assertEquals(custom.required("team.size"), "4");
        assertEquals(custom.all().get("team.size"), "4", "every custom value by name: " + custom.all());
        var overridden = Settings.load(props("site", site.toString(), "custom.team.size", "9", "custom.extra", "x"), Map.of()).profile().custom();
        assertEquals(overridden.required("team.size"), "9", "-Dcustom.team.size should beat the profile");
        assertEquals(overridden.required("extra"), "x", "a -Dcustom.* key the profile lacks is passed on too");
        var missing = expectConfigProblem(() -> custom.required("press.url"));
        assertTrue(missing.contains("custom.press.url is missing") && missing.contains("-Dcustom.press.url="), missing);
    }

    @Test(description = "a key that merely looks custom is still a typo, reported in one line")
    public void otherUnknownKeysStillFail() throws IOException {
        var site = profile("costum.pricing.url=/products/pricing\n");
        var message = expectConfigProblem(() -> Settings.load(props("site", site.toString()), Map.of()));
        assertTrue(message.contains("unknown key costum.pricing.url"), message);
    }

    @Test(description = "login.flow names a class of the user's, checked with one clear line for each way it can be wrong")
    public void loginFlowIsCheckedInOneLine() throws IOException {
        var malformed = expectConfigProblem(() -> Settings.load(props("site", profile("login.flow=ConsentFirstSignIn()\n").toString()), Map.of()));
        assertTrue(malformed.contains("login.flow = 'ConsentFirstSignIn()' is malformed"), malformed);

        assertEquals(flow("").getClass(), FormSignIn.class, "without login.flow the form is filled in");
        assertEquals(flow("login.flow=com.example.checks.ConsentFirstSignIn\n").getClass().getName(), "com.example.checks.ConsentFirstSignIn");
        var missing = expectConfigProblem(() -> flow("login.flow=com.example.checks.NoSuchSignIn\n"));
        assertTrue(missing.contains("is no class on the test classpath"), missing);
        var wrongType = expectConfigProblem(() -> flow("login.flow=java.lang.String\n"));
        assertTrue(wrongType.contains("does not implement " + SignInFlow.class.getName()), wrongType);
        var noConstructor = expectConfigProblem(() -> flow("login.flow=" + NeedsArgument.class.getName() + "\n"));
        assertTrue(noConstructor.contains("public no-argument constructor"), noConstructor);
    }

    @Test(description = "a user's finding kind is defined once, listed with the kit's own (for categories.json), and a label with a colon is refused")
    public void findingKindsCanBeAdded() {
        var kind = FindingKind.define("Mixed content");
        assertSame(FindingKind.define("Mixed content"), kind, "defining a label again gives the same kind");
        assertEquals(kind.message("http://x/ loads http://y/a.js"), "Mixed content: http://x/ loads http://y/a.js");
        assertTrue(FindingKind.all().contains(kind) && FindingKind.all().get(0) == FindingKind.UNEXPECTED_401, FindingKind.all().toString());
        assertThrows(IllegalArgumentException.class, () -> FindingKind.define("Mixed: content"));
        assertThrows(IllegalArgumentException.class, () -> FindingKind.define(" "));
    }

    /** Has no no-argument constructor, so login.flow cannot make one. */
    public static final class NeedsArgument implements SignInFlow {
        public NeedsArgument(String argument) {
        }

        @Override
        public dev.stagecheck.pages.PageVisit signIn(dev.stagecheck.pages.LoginPage page, dev.stagecheck.config.SiteProfile.Login login,
                                                    String username, String password) {
            throw new UnsupportedOperationException();
        }
    }

    private SignInFlow flow(String extra) throws IOException {
        var login = Settings.load(props("site", profile(extra).toString()), Map.of()).profile().login().orElseThrow();
        return SignInFlow.of(login);
    }

    /** The demo profile with extra lines, as a user copies it for their own site. */
    private Path profile(String extra) throws IOException {
        var file = Files.createTempFile(dir, "profile-", ".properties");
        Files.writeString(file, Files.readString(ProjectFiles.projectDir().resolve("sites/demo.properties")) + "\n" + extra);
        return file;
    }

    private static String expectConfigProblem(ThrowingRunnable action) {
        try {
            action.run();
        } catch (ConfigException e) {
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        fail("expected a ConfigException");
        return "";
    }

    private interface ThrowingRunnable {
        void run() throws IOException;
    }
}
