package dev.stagecheck.selftest;

import org.testng.annotations.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/**
 * The browser killed mid-run, for real: a checklist in a child JVM, its Chromium's main process
 * killed (SIGKILL, as the kernel's out-of-memory killer does) while a test or the crawl runs. That
 * test fails with one line saying the browser died, never WebDriver's "Output closed"; a crawl keeps
 * what it saw and says why it stopped; a fresh browser serves the later tests, which pass; the run
 * ends by itself.
 */
public class BrowserKilledTest {
    private static final String SUITE = """
            <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
            <suite name="stagecheck checklist" thread-count="1">
              <test name="checklist" preserve-order="true">
                <classes>
                  <class name="dev.stagecheck.checklist.%s"/>
                  <class name="dev.stagecheck.checklist.SearchTest"/>
                  <class name="dev.stagecheck.checklist.LoginTest"/>
                </classes>
              </test>
            </suite>
            """;

    @Test(description = "Chromium killed during a test: that test fails with 'the browser died during ...', the later tests pass")
    public void aBrowserKilledDuringATestFailsThatTestOnly() throws IOException {
        var failed = killDuring("killed-in-test", "NavigationTest", "reset for the next test");
        assertTrue(failed.message().startsWith("the browser died during NavigationTest."), "the failure should say the browser died: " + failed);
    }

    @Test(description = "Chromium killed during the crawl: the crawl keeps its findings so far and says it stopped because the browser died")
    public void aBrowserKilledDuringTheCrawlStopsItWithTheReason() throws IOException {
        var failed = killDuring("killed-in-crawl", "CrawlTest", "crawl visitor: visited");
        assertTrue(failed.message().startsWith("The crawl stopped: the browser died while loading http://127.0.0.1:"),
                "the crawl's failure should say where the browser died: " + failed);
    }

    /** Runs {@code first}, then two more tests; kills the browser at the first log line with {@code cue}; returns the one failure. */
    private static TestNgResults.Method killDuring(String name, String first, String cue) throws IOException {
        try (var run = ChildRun.start(name, SUITE.formatted(first), false)) {
            assertTrue(ChildRun.within(Duration.ofSeconds(90), () -> run.logText().contains(cue) || !run.process.isAlive()) && run.process.isAlive(),
                    "the child run never got to '" + cue + "'" + run.output());
            var browsers = run.browsers();
            assertEquals(browsers.size(), 1, "one browser expected: " + browsers + run.output());
            ChildRun.signal(browsers.get(0), "KILL");
            waitFor(run);
            var results = TestNgResults.read(run.folder.resolve("testng").resolve("testng-results.xml")).tests("checklist");
            var failures = results.stream().filter(method -> !method.is("PASS")).toList();
            if (failures.size() != 1 || !failures.get(0).name().startsWith(first + ".")) {
                fail("exactly one test of " + first + " should fail, the others pass: " + results + run.output());
            }
            var failure = failures.get(0);
            assertEquals(failure.message().lines().filter(line -> line.startsWith("the browser died") || line.startsWith("The crawl stopped")).count(), 1L,
                    "one line for the death: " + failure);
            for (var raw : new String[] {"Output closed", "IOException", "WebDriverException", "\tat "}) {
                assertFalse(failure.message().contains(raw), "raw browser error in the failure: " + failure);
                assertFalse(consoleOf(run).contains(raw), "raw browser error on the console: " + raw + run.output());
            }
            assertTrue(results.size() >= 3 && results.stream().filter(method -> method.is("PASS")).count() == results.size() - 1,
                    "the later tests should pass on a fresh browser: " + results + run.output());
            return failure;
        }
    }

    private static void waitFor(ChildRun run) {
        try {
            if (!run.process.waitFor(120, TimeUnit.SECONDS)) {
                fail("the run did not end within 120 s after its browser was killed" + run.output());
            }
            // TestNG's exit status: 1 is "a test failed", anything else a crash of the run itself.
            assertEquals(run.process.exitValue(), 1, "the run should end as a run with a failed test" + run.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    private static String consoleOf(ChildRun run) {
        try {
            return java.nio.file.Files.readString(run.stdout).lines().filter(line -> !line.isBlank()).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "";
        }
    }
}
