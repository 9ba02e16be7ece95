package dev.stagecheck.selftest;

import dev.stagecheck.demo.DemoCredentials;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.Settings;
import org.testng.SkipException;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * Runs the whole checklist against the demo site, in its own JVM and with the secrets in the
 * environment as a user would, then searches the console and every file the run wrote (Allure
 * results and attachments, TestNG reports) for the demo secrets, the Authorization header values
 * and every session cookie the site issued. The demo site runs in this JVM so that we know those
 * cookies. Failure messages name the kind of secret and the file, never the secret itself.
 */
public class SecretsTest {
    private DemoSite demo;
    private Path output;

    @BeforeMethod
    public void startDemoSite() throws IOException {
        demo = DemoSite.start();
        output = ScratchFolders.newFolder("secrets-");
    }

    @AfterMethod(alwaysRun = true)
    public void stopDemoSite() throws IOException {
        if (demo != null) {
            demo.close();
        }
        ProjectFiles.deleteRecursively(output);
    }

    /** Chromium sends credentials as headers; WebKit (no DevTools) carries Basic ones in the URL: both must stay hidden. */
    @DataProvider
    public Object[][] browsers() {
        return new Object[][] {{"chromium"}, {"webkit"}};
    }

    @Test(dataProvider = "browsers",
            description = "No password, API key, Authorization header or session cookie appears in any output of a checklist run")
    public void aChecklistRunLeavesNoSecretInAnyOutput(String browser) throws IOException {
        var reason = BrowserSession.unavailable(Settings.current().withBrowser(BrowserKind.parse(browser, "self-test")));
        if (reason.isPresent()) {
            throw new SkipException(browser + " cannot run here: " + reason.get());
        }
        var run = JavaProcess.of("org.testng.TestNG")
                .jvmArg("-javaagent:" + JavaProcess.aspectjWeaver())
                .removeEnv(name -> name.startsWith("STAGECHECK_"))
                .env("STAGECHECK_DEMO_USER", DemoCredentials.MEMBER_EMAIL)
                .env("STAGECHECK_DEMO_PASSWORD", DemoCredentials.MEMBER_PASSWORD)
                .env("STAGECHECK_DEMO_STAFF_USER", DemoCredentials.STAFF_EMAIL)
                .env("STAGECHECK_DEMO_STAFF_PASSWORD", DemoCredentials.STAFF_PASSWORD)
                .env("STAGECHECK_DEMO_ADMIN_USER", DemoCredentials.ADMIN_USER)
                .env("STAGECHECK_DEMO_ADMIN_PASSWORD", DemoCredentials.ADMIN_PASSWORD)
                .env("STAGECHECK_DEMO_REPORTS_USER", DemoCredentials.REPORTS_USER)
                .env("STAGECHECK_DEMO_REPORTS_PASSWORD", DemoCredentials.REPORTS_PASSWORD)
                .env("STAGECHECK_DEMO_API_KEY", DemoCredentials.API_KEY)
                .env("STAGECHECK_DEMO_STOCK_KEY", DemoCredentials.STOCK_CREDENTIALS)
                .property("base.url", demo.baseUrl())
                .property("browser", browser)
                .property("allure.results.directory", output.resolve("allure-results").toString())
                .property("reports.dir", output.toString())
                .property("sun.net.httpserver.nodelay", "true")
                .workDir(ProjectFiles.projectDir())
                .timeout(Duration.ofMinutes(5))
                .args("-d", output.resolve("testng").toString(), "suites/checklist.xml")
                .run();
        // The scan only means something if the run really used the secrets and wrote its outputs.
        assertTrue(demo.issuedSessionIds().size() >= 3, "the run should have logged in several times, but the demo issued "
                + demo.issuedSessionIds().size() + " session(s)");
        var files = filesUnder(output);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith("-attachment.txt")),
                "the run should have written Allure attachments under " + output);

        var secrets = secrets();
        var leaks = new ArrayList<String>();
        scan("console output", run.stdout() + run.stderr(), secrets, leaks);
        for (var file : files) {
            scan(output.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1), secrets, leaks);
        }
        for (var file : files) {
            scanForNonces(output.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1), leaks);
        }
        scanForNonces("console output", run.stdout() + run.stderr(), leaks);
        assertTrue(leaks.isEmpty(), "secrets leaked into the run's outputs (" + files.size() + " files searched):\n"
                + String.join("\n", leaks));
        // Searched a run that did everything it should: a failing one may have skipped the steps that use secrets.
        assertEquals(run.exitCode(), 0, "the checklist should pass against the demo site:" + run.describe());
    }

    /** What must never show, by a name that may: the values, and how they travel (Basic header, cookies). */
    private Map<String, String> secrets() {
        var secrets = new LinkedHashMap<String, String>();
        secrets.put("member password", DemoCredentials.MEMBER_PASSWORD);
        secrets.put("staff password", DemoCredentials.STAFF_PASSWORD);
        secrets.put("admin password", DemoCredentials.ADMIN_PASSWORD);
        secrets.put("admin password, URL-encoded", URLEncoder.encode(DemoCredentials.ADMIN_PASSWORD, StandardCharsets.UTF_8).replace("+", "%20"));
        // Digest never sends the password, only a hash of it: the password itself must not show either.
        secrets.put("reports password", DemoCredentials.REPORTS_PASSWORD);
        secrets.put("reports password, URL-encoded", URLEncoder.encode(DemoCredentials.REPORTS_PASSWORD, StandardCharsets.UTF_8).replace("+", "%20"));
        secrets.put("API key", DemoCredentials.API_KEY);
        secrets.put("stock API password", DemoCredentials.STOCK_CREDENTIALS.substring(DemoCredentials.STOCK_CREDENTIALS.indexOf(':') + 1));
        secrets.put("stock API Authorization header", Base64.getEncoder().encodeToString(
                DemoCredentials.STOCK_CREDENTIALS.getBytes(StandardCharsets.UTF_8)));
        secrets.put("admin Authorization header", Base64.getEncoder().encodeToString(
                (DemoCredentials.ADMIN_USER + ":" + DemoCredentials.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        var n = 0;
        for (var session : demo.issuedSessionIds()) {
            secrets.put("session cookie #" + (++n), session);
        }
        return secrets;
    }

    /** A Digest challenge's nonce and opaque are the server's one-time values: shown masked, never as they were sent. */
    private static void scanForNonces(String where, String text, List<String> leaks) {
        var nonce = NONCE_SHOWN.matcher(text);
        if (nonce.find()) {
            leaks.add("  a Digest " + nonce.group(1) + " appears in " + where);
        }
    }

    private static final Pattern NONCE_SHOWN = Pattern.compile("(?i)\\b(nonce|opaque)\\s*=\\s*\"?(?!\\(hidden\\))[A-Za-z0-9+/=_-]{8,}");

    private static void scan(String where, String text, Map<String, String> secrets, List<String> leaks) {
        secrets.forEach((name, value) -> {
            if (text.contains(value)) {
                leaks.add("  the " + name + " appears in " + where);
            }
        });
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
