package dev.stagecheck.selftest;

import com.sun.net.httpserver.HttpServer;
import dev.stagecheck.Preflight;
import dev.stagecheck.browser.Commands;
import dev.stagecheck.demo.DemoCredentials;
import org.testng.SkipException;
import org.testng.Reporter;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Bad input ends the {@link Preflight} with one line on stderr that starts with
 * {@code stagecheck: ERROR: }, names what is wrong and says what to do, exit status 2, no stack
 * trace and no secret. Each case runs the Preflight as Maven does, in its own JVM, with the project
 * directory as working directory. Negative cases always pass {@code -Dbrowser.install=never}, so
 * nothing is ever installed; the child gets none of the caller's STAGECHECK_* variables.
 */
public class BadInputTest {

    private static final String ERROR_PREFIX = "stagecheck: ERROR: ";
    private static final String DEMO_PROFILE = "sites/demo.properties";
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at .*");
    /** Browser names BrowserLocator looks for on PATH when browser=chromium. */
    private static final List<String> CHROMIUM_NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");

    private Path projectDir;
    private Path scratch;

    @BeforeClass
    public void findProjectAndScratch() throws IOException {
        projectDir = ProjectFiles.projectDir();
        scratch = Files.createTempDirectory("stagecheck-bad-input-");
    }

    @AfterClass(alwaysRun = true)
    public void removeScratch() throws IOException {
        ProjectFiles.deleteRecursively(scratch);
    }

    // ---- settings ----

    @Test(description = "an unreachable base.url is named, with what to check")
    public void unreachableBaseUrl() {
        var line = expectOneError(preflight()
                .property("base.url", "http://127.0.0.1:9")
                .property("timeout.http", "5s"));
        assertMentions(line, "127.0.0.1:9", "unreachable", "base.url");
    }

    @Test(description = "a host name that does not resolve is reported as such, not as a refused connection")
    public void unknownHostName() {
        var line = expectOneError(preflight()
                .property("base.url", "http://stagecheck-no-such-host.invalid")
                .property("timeout.http", "5s"));
        assertMentions(line, "stagecheck-no-such-host.invalid", "host name not found");
    }

    @Test(description = "a base.url whose start page answers 404 stops the preflight, naming the page and the status")
    public void startPageAnswers404() {
        try (var site = new AnsweringSite(404)) {
            var line = expectOneError(preflight()
                    .property("base.url", site.url())
                    .property("timeout.http", "5s"));
            assertMentions(line, "start page " + site.url() + "/", "answered 404", "base.url", "start.urls");
        }
    }

    @Test(description = "a start page that redirects to a 503 is named with the status and where it was sent")
    public void startPageRedirectsToAServerError() {
        try (var site = new AnsweringSite(503)) {
            var line = expectOneError(preflight()
                    .property("base.url", site.url())
                    .property("start.urls", "/moved")
                    .property("timeout.http", "5s"));
            assertMentions(line, "start page " + site.url() + "/moved", "answered 503", site.url() + "/new-home", "start.urls");
        }
    }

    @Test(description = "a malformed base.url with credentials in it is quoted without the password")
    public void malformedBaseUrlHidesItsPassword() {
        var result = preflight().property("base.url", "https://qa:s3cret-Pw@staging example.com").run();
        var line = expectOneError(result);
        assertMentions(line, "base.url", "staging example.com");
        assertFalse((result.stdout() + result.stderr()).contains("s3cret-Pw"), "the password must not be printed:" + result.describe());
    }

    @Test(description = "an absurd index in a profile key is reported as an unknown key, with no stack trace")
    public void absurdProfileIndex() {
        var profile = demoProfileVariant("absurd-index.properties", lines -> {
            var changed = new java.util.ArrayList<>(lines);
            changed.add("protected.99999999999.url=/x");
            return changed;
        });
        var line = expectOneError(preflight().property("site", profile.toString()));
        assertMentions(line, "protected.99999999999.url", "unknown key");
    }

    @Test(description = "a base.url that is not an http(s) URL is named with its value and an example")
    public void malformedBaseUrl() {
        var line = expectOneError(preflight().property("base.url", "htp:/nowhere"));
        assertMentions(line, "base.url", "htp:/nowhere", "-Dbase.url=https://");
    }

    @Test(description = "an unknown browser is named and the known ones are listed")
    public void unknownBrowser() {
        var line = expectOneError(preflight().property("browser", "netscape"));
        assertMentions(line, "netscape", "chromium", "use one of");
    }

    @Test(description = "a bad setting from the environment names the key, the value and the variable")
    public void badTimeoutFromEnvironment() {
        var line = expectOneError(preflight().env("STAGECHECK_TIMEOUT_PAGE", "soon"));
        assertMentions(line, "timeout.page", "soon", "STAGECHECK_TIMEOUT_PAGE", "30s");
    }

    // ---- site profile ----

    @Test(description = "a site profile that does not exist is named")
    public void missingProfileFile() {
        var line = expectOneError(preflight().property("site", "sites/nope.properties"));
        assertMentions(line, "sites/nope.properties", "not found", "-Dsite=");
    }

    @Test(description = "a required profile key that is missing is named with the file")
    public void missingProfileKey() {
        var profile = demoProfileVariant("without-login-submit.properties",
                lines -> lines.stream().filter(line -> !line.trim().startsWith("login.submit")).toList());
        var line = expectOneError(preflight().property("site", profile.toString()));
        assertMentions(line, "login.submit", profile.toString(), "add it");
    }

    @Test(description = "a misspelt profile key is reported, not silently ignored")
    public void misspeltProfileKey() {
        var profile = demoProfileVariant("with-typo.properties", lines -> {
            var withTypo = new ArrayList<>(lines);
            withTypo.add("login.usrname.field=#x");
            return withTypo;
        });
        var line = expectOneError(preflight().property("site", profile.toString()));
        assertMentions(line, "login.usrname.field", profile.toString(), "spelling");
    }

    // ---- target site and secrets ----

    @Test(description = "secrets the profile names but nobody set are listed by name")
    public void secretsNotSet() {
        try (var site = new AnsweringSite()) {
            var line = expectOneError(preflight()
                    .property("base.url", site.url())
                    .property("timeout.http", "5s"));
            assertMentions(line, DEMO_PROFILE, "not set", "export");
            for (var name : demoSecretNames()) {
                assertMentions(line, name);
            }
        }
    }

    @Test(description = "of the profile's secrets only the unset ones are listed; the set ones never show")
    public void someSecretsSetOthersNot() {
        try (var site = new AnsweringSite()) {
            var result = preflight()
                    .property("base.url", site.url())
                    .property("timeout.http", "5s")
                    .env("STAGECHECK_DEMO_USER", DemoCredentials.MEMBER_EMAIL)
                    .env("STAGECHECK_DEMO_PASSWORD", DemoCredentials.MEMBER_PASSWORD)
                    .property("STAGECHECK_DEMO_API_KEY", DemoCredentials.API_KEY)
                    .run();
            var line = expectOneError(result);
            assertMentions(line, "STAGECHECK_DEMO_ADMIN_USER", "STAGECHECK_DEMO_ADMIN_PASSWORD");
            for (var set : List.of("STAGECHECK_DEMO_USER", "STAGECHECK_DEMO_PASSWORD", "STAGECHECK_DEMO_API_KEY")) {
                assertFalse(Pattern.compile("\\b" + set + "\\b").matcher(line).find(),
                        set + " is set but listed as missing: " + line);
            }
        }
    }

    // ---- browser ----

    @Test(description = "no browser on PATH and installing not allowed: says what to install")
    public void noBrowserInstalled() throws IOException {
        var emptyDir = Files.createDirectories(scratch.resolve("empty-path"));
        var line = expectOneError(preflight().env("PATH", emptyDir.toString()));
        assertMentions(line, "chromium", "apt-get install chromium", "browser.binary");
    }

    @Test(description = "a browser asked for alone whose driver is missing stops the run, saying what to install or to use a Grid")
    public void missingDriverForTheOneBrowserAskedFor() throws IOException {
        var emptyDir = Files.createDirectories(scratch.resolve("no-geckodriver"));
        var line = expectOneError(preflight().property("browser", "firefox").env("PATH", emptyDir.toString()));
        assertMentions(line, "geckodriver not found", "-Dgrid.url");
    }

    @Test(description = "a suite whose browsers can none run here stops the run, listing each with its reason")
    public void noBrowserOfTheSuiteCanRun() throws IOException {
        var emptyDir = Files.createDirectories(scratch.resolve("no-browser-at-all"));
        var line = expectOneError(preflight().property("suite", "suites/cross-browser.xml").env("PATH", emptyDir.toString()));
        assertMentions(line, "none of the browsers", "cross-browser.xml", "firefox", "geckodriver not found", "webkit");
    }

    @Test(description = "a browsers filter naming none of the suite's browsers is named, with the suite's own")
    public void browsersFilterMatchingNothing() {
        var line = expectOneError(preflight().property("suite", "suites/cross-browser.xml").property("browsers", "chrome"));
        assertMentions(line, "browsers=", "chrome", "chromium", "webkit");
    }

    @Test(description = "an unreachable Selenium Grid is named, with what to do")
    public void unreachableGrid() {
        var line = expectOneError(preflight().property("grid.url", "http://127.0.0.1:9").property("timeout.http", "5s"));
        assertMentions(line, "Selenium Grid", "127.0.0.1:9", "unreachable", "grid.url");
    }

    @Test(description = "a grid.url that is not an http(s) URL is named with an example")
    public void malformedGridUrl() {
        var line = expectOneError(preflight().property("grid.url", "grid:4444"));
        assertMentions(line, "grid.url", "grid:4444", "-Dgrid.url=http://");
    }

    @Test(description = "good input (demo profile, chromium on PATH): exit 0 and 'preflight ok'")
    public void goodInputPasses() {
        var browser = CHROMIUM_NAMES.stream().map(Commands::onPath).flatMap(Optional::stream).findFirst();
        if (browser.isEmpty()) {
            throw new SkipException("no Chromium on PATH (looked for " + String.join(", ", CHROMIUM_NAMES)
                    + " in " + System.getenv("PATH") + "): install it (apt-get install chromium chromium-driver)"
                    + " to run the positive preflight case");
        }
        var result = preflight().run();
        assertEquals(result.exitCode(), 0, "preflight failed with chromium at " + browser.get() + ":" + result.describe());
        assertTrue(result.stdout().contains("preflight ok"), "no 'preflight ok' on stdout:" + result.describe());
        assertFalse(result.stderr().contains(ERROR_PREFIX), "an error line on success:" + result.describe());
        assertNoSecrets(result);
        Reporter.log(result.stdout().lines().filter(l -> l.contains("preflight ok")).findFirst().orElse(""));
    }

    // ---- helpers ----

    /** The Preflight in a child JVM in the project directory, with none of the caller's STAGECHECK_* variables. */
    private JavaProcess preflight() {
        return JavaProcess.of(Preflight.class.getName())
                .workDir(projectDir)
                .timeout(CHILD_TIMEOUT)
                .removeEnv(name -> name.startsWith("STAGECHECK_"))
                .property("browser.install", "never");
    }

    private static String expectOneError(JavaProcess process) {
        return expectOneError(process.run());
    }

    /** Checks the bad-input contract and returns the error line. */
    private static String expectOneError(JavaProcess.Result result) {
        var why = result.describe();
        assertNoStackTrace(result);
        assertNoSecrets(result);
        assertEquals(result.exitCode(), 2, "exit status:" + why);
        var lines = result.stderrLines();
        assertEquals(lines.size(), 1, "stderr must hold exactly one line:" + why);
        var line = lines.get(0);
        assertTrue(line.startsWith(ERROR_PREFIX), "stderr line must start with '" + ERROR_PREFIX + "':" + why);
        assertTrue(line.length() > ERROR_PREFIX.length() + 20, "the error says too little:" + why);
        assertFalse(result.stdout().contains(ERROR_PREFIX), "the error line belongs on stderr only:" + why);
        // The wording, for whoever reviews the messages: in the TestNG report, not on the console
        // (where "stagecheck: ERROR:" lines from a passing build would only alarm).
        Reporter.log(line);
        return line;
    }

    private static void assertNoStackTrace(JavaProcess.Result result) {
        for (var output : List.of(result.stdout(), result.stderr())) {
            for (var line : output.lines().toList()) {
                assertFalse(STACK_FRAME.matcher(line).matches(), "stack trace frame '" + line + "':" + result.describe());
            }
        }
        assertFalse(result.stderr().contains("java.lang."), "a Java class name on stderr:" + result.describe());
        assertFalse(result.stderr().contains("Exception"), "an exception name on stderr:" + result.describe());
    }

    private static void assertNoSecrets(JavaProcess.Result result) {
        for (var secret : demoSecretValues()) {
            // as a whole token, so the demo user name "admin" is not found inside words like "administrator"
            var printed = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(secret) + "(?![A-Za-z0-9])");
            assertFalse(printed.matcher(result.stdout()).find() || printed.matcher(result.stderr()).find(),
                    "a demo secret (" + secret.length() + " characters) was printed:" + result.describe().replace(secret, "***"));
        }
    }

    private static void assertMentions(String line, String... fragments) {
        for (var fragment : fragments) {
            assertTrue(line.contains(fragment), "'" + fragment + "' missing from: " + line);
        }
    }

    /** Every String constant of {@link DemoCredentials}: none may ever be printed. */
    private static List<String> demoSecretValues() {
        var values = new ArrayList<String>();
        for (Field field : DemoCredentials.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    field.setAccessible(true);
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertFalse(values.isEmpty(), "DemoCredentials has no constants");
        return values;
    }

    /** The environment variable names the demo profile's *.env keys give. */
    private List<String> demoSecretNames() {
        var names = readLines(projectDir.resolve(DEMO_PROFILE)).stream()
                .map(String::trim)
                .filter(line -> !line.startsWith("#"))
                .filter(line -> line.matches("[^=]+\\.env\\s*=.*"))
                .map(line -> line.substring(line.indexOf('=') + 1).trim())
                .distinct()
                .toList();
        assertTrue(names.contains("STAGECHECK_DEMO_PASSWORD"), "the demo profile names no STAGECHECK_DEMO_PASSWORD: " + names);
        return names;
    }

    /** A copy of the demo profile, changed, in the scratch directory (absolute path). */
    private Path demoProfileVariant(String name, UnaryOperator<List<String>> change) {
        var lines = readLines(projectDir.resolve(DEMO_PROFILE));
        var changed = change.apply(lines);
        assertFalse(changed.equals(lines), "the variant " + name + " does not differ from the demo profile");
        try {
            return Files.write(scratch.resolve(name), changed, StandardCharsets.UTF_8).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A local site on a free loopback port that answers 200 to everything (or {@code status}; and a
     * 302 from {@code /moved} to {@code /new-home}).
     */
    private static final class AnsweringSite implements AutoCloseable {
        private final HttpServer server;

        AnsweringSite() {
            this(200);
        }

        AnsweringSite(int status) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().equals("/moved")) {
                    exchange.getResponseHeaders().set("Location", "/new-home");
                    exchange.sendResponseHeaders(302, -1);
                    exchange.close();
                    return;
                }
                var body = (status == 200 ? "ok" : "error " + status).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(status, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
