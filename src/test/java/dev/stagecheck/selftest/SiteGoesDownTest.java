package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;
import org.testng.ITestListener;
import org.testng.ITestResult;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;
import org.testng.xml.internal.Parser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The site goes down mid-run, for real (the demo's port is closed, connections are refused): every
 * check that starts after that fails at once with one line saying the site stopped answering and
 * where, none waits out its page timeouts or ends in a raw WebDriver error, and the run ends in a
 * bounded time. When the site answers again, a new run is green.
 */
public class SiteGoesDownTest {
    /**
     * Measured: 13 s with the site refusing from the first check on; the old code needed 108 s here
     * (and 6 min 51 s in the issue, against a site that stopped mid-answer), each check on its own.
     */
    private static final Duration RUN_BOUND = Duration.ofSeconds(60);
    private static final String LINE = "the site stopped answering at ";
    private static final List<String> RAW_ERRORS = List.of("Expected condition failed", "NoSuchElement", "WebDriverException",
            "Exception:", "timed out", "internal error", "net::ERR_");

    private DemoSite demo;

    @AfterClass(alwaysRun = true)
    public void siteAnswersAgain() {
        if (demo != null) {
            demo.answerAgain();
        }
        BrowserSessions.quitAll();
    }

    @Test(description = "the site stopped mid-run: the remaining checks fail fast with one line; restarted, a new run is green")
    public void siteStoppedMidRunThenBack() throws Exception {
        TargetSite.baseUrl();
        demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        BrowserSessions.quitAll();
        var stopped = new AtomicBoolean();
        Set<String> startedAfter = ConcurrentHashMap.newKeySet();
        var stopAfterFirst = new ITestListener() {
            @Override
            public void onTestStart(ITestResult result) {
                if (stopped.get()) {
                    startedAfter.add(result.getMethod().getQualifiedName());
                }
            }

            @Override
            public void onTestSuccess(ITestResult result) {
                stop(result);
            }

            @Override
            public void onTestFailure(ITestResult result) {
                stop(result);
            }

            private void stop(ITestResult result) {
                if (stopped.compareAndSet(false, true)) {
                    demo.stopAnswering();
                }
            }
        };
        var out = ScratchFolders.target().resolve("selftest-site-down");
        var suite = ProjectFiles.projectDir().resolve("suites/checklist.xml").toString();
        var started = System.nanoTime();
        List<ITestResult> down;
        try {
            down = InProcessRun.of(new Parser(suite).parseToList(), out, "site-down", List.of(stopAfterFirst));
        } finally {
            demo.answerAgain();
        }
        var took = Duration.ofNanos(System.nanoTime() - started);

        var messages = new ArrayList<String>();
        down.forEach(result -> messages.add(result.getMethod().getQualifiedName() + " [" + status(result) + "]: " + InProcessRun.message(result)));
        var said = " (took " + took.toSeconds() + " s, log in " + out + "):\n" + String.join("\n", messages);
        java.nio.file.Files.writeString(out.resolve("site-down-results.txt"), said + "\n");
        assertTrue(stopped.get(), "the site was stopped after the first test" + said);
        assertFalse(startedAfter.isEmpty(), "some checks started after the site went down" + said);
        for (var result : down) {
            var name = result.getMethod().getQualifiedName();
            var message = InProcessRun.message(result);
            if (startedAfter.contains(name)) {
                assertEquals(status(result), "FAILURE", name + " started after the site went down: it must fail" + said);
                assertTrue(message.contains(LINE + demo.baseUrl()),
                        name + " says in one line that the site stopped answering, and where" + said);
                assertFalse(message.contains("\n"), name + " fails with one line" + said);
            }
            for (var raw : RAW_ERRORS) {
                assertFalse(message.contains(raw), name + ": a raw error ('" + raw + "') reached a result" + said);
            }
        }
        assertTrue(took.compareTo(RUN_BOUND) < 0, "the run with the site down ends within " + RUN_BOUND.toSeconds() + " s" + said);

        BrowserSessions.quitAll();
        var again = InProcessRun.of(new Parser(suite).parseToList(), out, "site-back");
        var failing = again.stream().filter(result -> result.getStatus() != ITestResult.SUCCESS)
                .map(result -> result.getMethod().getQualifiedName() + ": " + InProcessRun.message(result)).toList();
        assertTrue(failing.isEmpty(), "with the site answering again, a new run is green: " + failing);
        assertEquals(again.size() > 0, true, "the new run ran its checks");
    }

    private static String status(ITestResult result) {
        return switch (result.getStatus()) {
            case ITestResult.SUCCESS -> "SUCCESS";
            case ITestResult.FAILURE -> "FAILURE";
            case ITestResult.SKIP -> "SKIP";
            default -> "status " + result.getStatus();
        };
    }
}
