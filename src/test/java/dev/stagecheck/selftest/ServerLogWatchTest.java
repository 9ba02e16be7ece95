package dev.stagecheck.selftest;

import dev.stagecheck.config.ProfileReader;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.ResponseRule;
import dev.stagecheck.verdict.ServerLogWatch;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** The server log read from a file: only lines added during the run, matching the patterns, minus the 401s asked for. */
public class ServerLogWatchTest {
    private Path dir;

    @BeforeClass
    public void scratch() throws IOException {
        dir = Files.createTempDirectory("stagecheck-server-log-");
    }

    @AfterClass(alwaysRun = true)
    public void cleanUp() throws IOException {
        ProjectFiles.deleteRecursively(dir);
    }

    @Test(description = "lines written before the run are ignored; new 5xx and error lines are findings; expected 401s are not; secrets are masked")
    public void newErrorLinesBecomeFindings() throws IOException {
        var log = dir.resolve("access.log");
        Files.writeString(log, "\"GET /old HTTP/1.1\" 500 12\n");
        var properties = new Properties();
        properties.setProperty("nav.links", "nav a");
        properties.setProperty("server.log.file", log.toString());
        properties.setProperty("protected.1.url", "/admin/");
        properties.setProperty("protected.1.auth", "none");
        var profile = SiteProfile.from(new ProfileReader(properties, "test.properties"));

        ServerLogWatch.startOfRun(profile, Duration.ofSeconds(5));
        Files.writeString(log, String.join("\n",
                "\"GET / HTTP/1.1\" 200 512",
                "\"GET /admin/ HTTP/1.1\" 401 239",
                "\"GET /company/press HTTP/1.1\" 401 239",
                "\"POST /contact HTTP/1.1\" 500 80",
                "ERROR reset failed for /reset?token=s3cr3t-t0ken") + "\n", StandardOpenOption.APPEND);

        var watch = ServerLogWatch.ofThisRun().orElseThrow();
        assertEquals(watch.newLines().size(), 5, "only the lines added since the run started: " + watch.newLines());
        List<Finding> findings = watch.findings(ResponseRule.expecting(List.of("http://staging.example/admin/"), List.of()));
        var evidence = findings.stream().map(Finding::evidence).toList();
        assertEquals(findings.size(), 3, "press 401, contact 500 and the ERROR line (not /admin/, asked for; not the 200): " + evidence);
        assertTrue(findings.stream().allMatch(f -> f.kind() == FindingKind.SERVER_LOG), "all of kind Server log: " + findings);
        assertTrue(evidence.get(0).contains("/company/press"), "the unexpected 401 first: " + evidence);
        assertFalse(String.join("\n", evidence).contains("s3cr3t-t0ken"), "a token in a logged URL must be masked: " + evidence);
    }

    @Test(description = "a served log that keeps only its newest lines (its length stays put) still yields exactly the run's lines")
    public void aServedLogThatDropsItsOldestLinesYieldsTheRunsLines() throws IOException {
        var kept = new java.util.ArrayList<String>();
        for (int i = 1; i <= 8; i++) {
            kept.add("[10:00:0" + i + "] \"GET /page-" + i + " HTTP/1.1\" 200 512");
        }
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/log", exchange -> {
            byte[] body;
            synchronized (kept) {
                body = (String.join("\n", kept) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            var properties = new Properties();
            properties.setProperty("nav.links", "nav a");
            properties.setProperty("server.log.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/log");
            var profile = SiteProfile.from(new ProfileReader(properties, "test.properties"));
            ServerLogWatch.startOfRun(profile, Duration.ofSeconds(5));
            synchronized (kept) {
                // Three new lines; the log keeps its newest eight, so it is as long as before.
                for (var line : List.of("[10:01:00] \"GET / HTTP/1.1\" 200 512", "[10:01:01] ERROR upstream GET /internal answered 401",
                        "[10:01:02] \"GET /docs/ HTTP/1.1\" 200 512")) {
                    kept.add(line);
                    kept.remove(0);
                }
            }
            var watch = ServerLogWatch.ofThisRun().orElseThrow();
            assertEquals(watch.newLines().size(), 3, "the three lines of the run, though the log is as long as before: " + watch.newLines());
            assertEquals(watch.findings(ResponseRule.expecting(List.of(), List.of())).size(), 1, "the ERROR line of the run is a finding");
        } finally {
            server.stop(0);
        }
    }
}
