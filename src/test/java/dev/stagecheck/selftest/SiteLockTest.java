package dev.stagecheck.selftest;

import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.testng.Assert.assertTrue;

/**
 * One clear line per problem, on the worst day: the demo's site-401 fault locks every page behind
 * a Basic challenge, and the whole checklist (suites/checklist.xml, in a child JVM as `mvn test`
 * runs it) must fail in plain words. Neither the console nor any failure message may show a
 * WebDriver class, an exception's name or a stack frame, and every failing test must name the 401
 * that explains it ("the login form did not appear: /login answered 401").
 */
public class SiteLockTest {
    /** What a raw WebDriver failure or a stack trace leaves behind. */
    private static final List<String> RAW = List.of("org.openqa.selenium", "Exception", "\tat ");

    private Path output;
    private JavaProcess.Result run;
    private TestNgResults results;

    @BeforeClass
    public void runTheChecklistAgainstALockedSite() throws IOException {
        output = ScratchFolders.newFolder("site-lock-");
        run = JavaProcess.of("org.testng.TestNG")
                .jvmArg("-javaagent:" + JavaProcess.aspectjWeaver())
                .removeEnv(variable -> variable.startsWith("STAGECHECK_"))
                .property("webhook.url", "off")
                .property("demo.faults", "site-401")
                .property("allure.results.directory", output.resolve("allure-results").toString())
                .property("reports.dir", output.toString())
                .property("sun.net.httpserver.nodelay", "true")
                .workDir(ProjectFiles.projectDir())
                .timeout(Duration.ofMinutes(5))
                // Verbose 2 prints each failure with its stack trace, as Surefire's console does.
                .args("-verbose", "2", "-d", output.resolve("testng").toString(), ProjectFiles.projectDir().resolve("suites/checklist.xml").toString())
                .run();
        results = TestNgResults.read(output.resolve("testng").resolve("testng-results.xml"));
    }

    @AfterClass(alwaysRun = true)
    public void deleteOutputs() throws IOException {
        if (output != null) {
            ProjectFiles.deleteRecursively(output);
        }
    }

    @Test(description = "the console of a run against a locked site shows no WebDriver class, exception name or stack frame")
    public void theConsoleHasNoRawExceptions() {
        assertTrue(run.exitCode() != 0, "the checklist should fail against a site that answers 401 everywhere:" + run.describe());
        var console = run.stdout() + run.stderr();
        var raw = rawLines(console);
        assertTrue(raw.isEmpty(), "the console shows raw exceptions or stack frames:\n" + String.join("\n", raw));
    }

    @Test(description = "every failure message is plain words naming the 401, never a raw exception")
    public void everyFailureNamesThe401() {
        var failed = results.byTest().values().stream().flatMap(List::stream).filter(method -> !method.config() && method.is("FAIL")).toList();
        assertTrue(failed.size() >= 10, "most checklist tests should fail against a locked site, failed: " + failed.size() + run.describe());
        var problems = new ArrayList<String>();
        for (var method : failed) {
            var raw = rawLines(method.message());
            if (!raw.isEmpty()) {
                problems.add(method.name() + " shows raw exceptions: " + String.join(" | ", raw));
            }
            if (!method.message().contains("401")) {
                problems.add(method.name() + " does not name the 401: " + method.message());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<String> rawLines(String text) {
        return text.lines().filter(line -> RAW.stream().anyMatch(raw -> (line + "\n").contains(raw))).limit(20).toList();
    }
}
