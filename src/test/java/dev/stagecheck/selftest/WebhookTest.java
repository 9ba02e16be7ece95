package dev.stagecheck.selftest;

import com.sun.net.httpserver.HttpServer;
import dev.stagecheck.config.ConfigLayers;
import dev.stagecheck.report.ReportLink;
import dev.stagecheck.report.RunSummary;
import dev.stagecheck.report.Webhook;
import dev.stagecheck.report.WebhookListener;
import dev.stagecheck.verdict.FindingKind;
import org.openqa.selenium.json.Json;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The failure notice: a really failing run (the demo's public-401 fault, NavigationTest in a child
 * JVM as `mvn test` would run it) POSTs one JSON summary to a local receiver, naming the 401, the
 * browser and the report link, and never the webhook's token; a green run posts nothing; a webhook
 * that is down costs one line naming only its host.
 */
public class WebhookTest {
    /** The token part of the webhook URL: it must appear in no output and no payload. */
    private static final String TOKEN = "T0KEN-in-the-path-1234";
    private static final String QUERY_TOKEN = "q-secret-5678";

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private Path output;

    record Received(String method, String path, String contentType, String body) {
    }

    @BeforeClass
    public void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        output = ScratchFolders.newFolder("webhook-");
    }

    @AfterMethod(alwaysRun = true)
    public void forgetRequests() {
        received.clear();
        answer.set(200);
    }

    @AfterClass(alwaysRun = true)
    public void stopReceiver() throws IOException {
        if (receiver != null) {
            receiver.stop(0);
        }
        ProjectFiles.deleteRecursively(output);
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + TOKEN + "?token=" + QUERY_TOKEN;
    }

    @Test(description = "a run with an unexpected 401 POSTs one JSON summary: counts, the 401 on /company/press, browser, device, report link")
    public void aFailingRunPostsItsSummary() throws IOException {
        var run = childRun("failing", "public-401");
        assertTrue(run.exitCode() != 0, "NavigationTest should fail with the public-401 fault:" + run.describe());
        assertEquals(received.size(), 1, "one notice per run expected, got " + received.size() + ":" + run.describe());
        var notice = received.get(0);
        assertEquals(notice.method(), "POST");
        assertEquals(notice.path(), "/hooks/" + TOKEN, "the notice should go to the configured URL");
        assertTrue(String.valueOf(notice.contentType()).startsWith("application/json"), "Content-Type: " + notice.contentType());

        Map<String, Object> json = new Json().toType(notice.body(), Json.MAP_TYPE);
        @SuppressWarnings("unchecked")
        var counts = (Map<String, Object>) json.get("counts");
        assertEquals(json.get("status"), "failed", notice.body());
        assertEquals(json.get("suite"), "webhook self-test failing", notice.body());
        assertTrue(number(counts, "failed") > 0, "counts.failed should be > 0: " + notice.body());
        assertEquals(number(counts, "total"), number(counts, "passed") + number(counts, "failed") + number(counts, "skipped"),
                "total = passed + failed + skipped: " + notice.body());
        @SuppressWarnings("unchecked")
        var new401s = (List<String>) json.get("new401s");
        assertTrue(new401s.stream().anyMatch(line -> line.contains("/company/press")),
                "new401s should name /company/press: " + notice.body());
        assertTrue(json.get("regressions") instanceof List, "regressions should be a list: " + notice.body());
        assertEquals(json.get("browser"), "chromium", notice.body());
        assertEquals(json.get("device"), "desktop", notice.body());
        assertEquals(json.get("report"), "https://github.example/acme/staging/actions/runs/4242",
                "the report link should be the GitHub run page from GITHUB_* variables: " + notice.body());
        assertTrue(String.valueOf(json.get("text")).contains("/company/press"), "the text field should name the 401: " + notice.body());

        for (var where : Map.of("payload", notice.body(), "console", run.stdout() + run.stderr()).entrySet()) {
            assertFalse(where.getValue().contains(TOKEN) || where.getValue().contains(QUERY_TOKEN),
                    "the webhook's token appears in the " + where.getKey());
        }
        assertTrue(run.stdout().contains("failure notice sent to webhook at 127.0.0.1 (HTTP 200)"),
                "the run should say where the notice went (host only):" + run.describe());
    }

    @Test(description = "a green run sends nothing")
    public void aGreenRunSendsNothing() throws IOException {
        var run = childRun("green", "");
        assertEquals(run.exitCode(), 0, "NavigationTest should pass on the clean demo site:" + run.describe());
        assertTrue(received.isEmpty(), "a green run should send no notice, got: " + received);
        assertFalse(run.stdout().contains("failure notice"), "a green run should not mention a notice:" + run.describe());
    }

    @Test(description = "a webhook that answers 500 or is down costs one line naming its host, and never its token")
    public void aFailingWebhookCostsOneLine() throws IOException {
        var summary = summary(List.of("Unexpected 401: http://127.0.0.1/company/press answered 401"));
        answer.set(500);
        var console = captured(() -> assertFalse(webhook(webhookUrl()).post(summary.toJson()), "HTTP 500 is no success"));
        assertEquals(received.size(), 1, "the notice should have been tried once");
        assertOneLine(console, "HTTP 500");

        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var down = "http://127.0.0.1:" + closedPort + "/hooks/" + TOKEN + "?token=" + QUERY_TOKEN;
        console = captured(() -> assertFalse(webhook(down).post(summary.toJson()), "nobody listening is no success"));
        assertOneLine(console, "cannot connect");
    }

    @Test(description = "a malformed webhook.url is reported in one line without its value, and nothing is sent")
    public void aMalformedWebhookUrlIsNamedNotShown() {
        var console = captured(() -> assertTrue(Webhook.configured(layers(
                Map.of("STAGECHECK_WEBHOOK_URL", "hooks.example.com/" + TOKEN))).isEmpty(), "no scheme: unusable"));
        assertTrue(console.contains("STAGECHECK_WEBHOOK_URL") && console.contains("not an http(s) URL"), console);
        assertFalse(console.contains(TOKEN), "the value must not be printed: " + console);
        assertTrue(Webhook.configured(layers(Map.of())).isEmpty(), "unset: no webhook");
    }

    @Test(description = "the summary keeps the lines labelled Unexpected 401 and Regression, each once, with safe URLs")
    public void theSummaryPicksLabelledLinesAndMakesThemSafe() {
        var messages = List.of(
                "2 of 14 pages have problems:\nUnexpected 401: menu link Press https://qa:hunter2@staging.example.com/company/press?api_key=abc123 answered 401\n"
                        + "Server error: search answered 500",
                "crawl: 2 finding(s)\nUnexpected 401: menu link Press https://qa:hunter2@staging.example.com/company/press?api_key=abc123 answered 401\n"
                        + "  Regression: /docs/faq (from baseline, visitor crawl) was 200, now 404",
                "Comparison with the baseline\n  REGRESSION  /members/ (baseline, member crawl): was 200, now 401");
        var new401s = RunSummary.labelled(messages, FindingKind.UNEXPECTED_401);
        assertEquals(new401s, List.of("menu link Press https://staging.example.com/company/press?api_key=*** answered 401"));
        var regressions = RunSummary.labelled(messages, FindingKind.REGRESSION);
        assertEquals(regressions.size(), 2, "both spellings of a regression line: " + regressions);
        var json = summary(messages).toJson();
        assertFalse(json.contains("hunter2") || json.contains("abc123"), "secrets in the payload: " + json);
    }

    @Test(description = "the report link: report.url, else the CI build page (Jenkins, GitHub, GitLab), else the local report")
    public void theReportLinkPrefersWhatIsGiven() {
        var project = Path.of("/work/project");
        var github = Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/site", "GITHUB_RUN_ID", "7");
        assertEquals(ReportLink.resolve(layers(Map.of("STAGECHECK_REPORT_URL", "https://ci.example.com/r/1")), github, project),
                "https://ci.example.com/r/1");
        assertEquals(ReportLink.resolve(layers(Map.of()), Map.of("BUILD_URL", "https://jenkins.example.com/job/n/5/"), project),
                "https://jenkins.example.com/job/n/5/");
        assertEquals(ReportLink.resolve(layers(Map.of()), github, project), "https://github.com/acme/site/actions/runs/7");
        assertEquals(ReportLink.resolve(layers(Map.of()), Map.of("CI_JOB_URL", "https://gitlab.example.com/j/9"), project),
                "https://gitlab.example.com/j/9");
        assertEquals(ReportLink.resolve(layers(Map.of()), Map.of(), project), "/work/project/reports/allure-report/index.html");
        assertEquals(ReportLink.resolve(layers(Map.of("STAGECHECK_REPORT_URL", "https://u:pw@r.example.com/x?token=t")), Map.of(), project),
                "https://r.example.com/x?token=***", "a given link is made safe too");
    }

    @Test(description = "the kit's listeners, the webhook's included, are registered once, by TestNG's service loader, and no suite file repeats them")
    public void listenersAreRegisteredOnce() throws IOException {
        var services = Files.readAllLines(ProjectFiles.projectDir().resolve("src/main/resources/META-INF/services/org.testng.ITestNGListener"));
        assertTrue(services.contains(WebhookListener.class.getName()), "the service file should register " + WebhookListener.class.getName());
        assertTrue(services.contains(dev.stagecheck.report.ChecklistListener.class.getName()), "the service file should register the 401/5xx guard");
        try (var files = Files.list(ProjectFiles.projectDir().resolve("suites"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                // Read as text: parsing a suite with TestNG loads all its classes, which says nothing here.
                assertFalse(Files.readString(file).contains("<listener "), file + " lists listeners itself: the service loader"
                        + " registers them for every suite, so a copy here is one more place to forget one");
            }
        }
    }

    /** NavigationTest alone, in a child JVM against the demo site, with the webhook and GitHub's variables set. */
    private JavaProcess.Result childRun(String name, String faults) throws IOException {
        var dir = Files.createDirectories(output.resolve(name));
        var suite = dir.resolve("suite.xml");
        Files.writeString(suite, """
                <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
                <suite name="webhook self-test %s">
                  <test name="navigation">
                    <classes>
                      <class name="dev.stagecheck.checklist.NavigationTest"/>
                    </classes>
                  </test>
                </suite>
                """.formatted(name), StandardCharsets.UTF_8);
        return JavaProcess.of("org.testng.TestNG")
                .jvmArg("-javaagent:" + JavaProcess.aspectjWeaver())
                // Only what this test sets: no user settings, no real CI's variables.
                .removeEnv(variable -> variable.startsWith("STAGECHECK_") || variable.startsWith("GITHUB_")
                        || variable.equals("BUILD_URL") || variable.equals("CI_JOB_URL"))
                .env("STAGECHECK_WEBHOOK_URL", webhookUrl())
                .env("GITHUB_SERVER_URL", "https://github.example")
                .env("GITHUB_REPOSITORY", "acme/staging")
                .env("GITHUB_RUN_ID", "4242")
                .property("demo.faults", faults)
                .property("allure.results.directory", dir.resolve("allure-results").toString())
                .property("reports.dir", dir.toString())
                .property("sun.net.httpserver.nodelay", "true")
                .workDir(ProjectFiles.projectDir())
                .timeout(Duration.ofMinutes(3))
                .args("-d", dir.resolve("testng").toString(), suite.toString())
                .run();
    }

    private static RunSummary summary(List<String> messages) {
        return new RunSummary(List.of("unit"), 3, 1, 0, 0, List.of("NavigationTest.x: " + messages.get(0).lines().findFirst().orElse("")),
                RunSummary.labelled(messages, FindingKind.UNEXPECTED_401), RunSummary.labelled(messages, FindingKind.REGRESSION),
                "chromium", "desktop", "https://staging.example.com", "https://ci.example.com/r/1");
    }

    private static Webhook webhook(String url) {
        return Webhook.configured(layers(Map.of("STAGECHECK_WEBHOOK_URL", url)))
                .orElseThrow(() -> new AssertionError("a valid webhook URL was refused"));
    }

    private static ConfigLayers layers(Map<String, String> environment) {
        return new ConfigLayers(new Properties(), environment, new Properties());
    }

    private static void assertOneLine(String console, String reason) {
        var lines = console.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(lines.size(), 1, "one line expected: " + console);
        assertTrue(lines.get(0).startsWith("stagecheck: ") && lines.get(0).contains("webhook at 127.0.0.1 (")
                && lines.get(0).contains(reason), "one line naming the host and '" + reason + "' expected: " + console);
        assertFalse(console.contains(TOKEN) || console.contains(QUERY_TOKEN), "the token was printed: " + console);
    }

    /** What the code prints on standard output while it runs (the self-tests run one at a time). */
    private static String captured(Runnable action) {
        var buffer = new ByteArrayOutputStream();
        var console = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(console);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }
}
