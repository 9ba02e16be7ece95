package dev.stagecheck.selftest;

import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.verdict.Baseline;
import org.testng.ITestResult;
import org.testng.SkipException;
import org.testng.annotations.Test;
import org.testng.xml.internal.Parser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.testng.Assert.assertTrue;

/**
 * The false-finding budget is zero. A baseline is recorded on the clean demo (third-party-style
 * partner pages included: dynamic ids, A/B content, random notices, cache-busting asset URLs),
 * then the whole checklist (suites/checklist.xml, as `mvn test` runs it) runs ten times against
 * it. Any finding at all on a healthy site, a regression against the baseline included, fails.
 */
public class FalseFindingBudgetTest {
    private static final int RUNS = 10;

    @Test(description = "ten checklist runs on the clean demo, compared with one baseline, find nothing")
    public void tenHealthyRunsFindNothing() throws IOException {
        TargetSite.baseUrl();
        DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        var settings = Settings.current();
        var baseline = Baseline.file(settings.reportsDir(), settings.site(), settings.browser().key());
        var out = ScratchFolders.target().resolve("selftest-false-findings");
        Files.createDirectories(out);
        var kept = keep(baseline, out);
        try {
            record(baseline, out);
            for (int run = 1; run <= RUNS; run++) {
                // The first run with a finding ends the test: one is over the budget already.
                var findings = findings("run-" + run, out);
                assertTrue(findings.isEmpty(), "the clean demo must give no finding in any of " + RUNS + " runs against the baseline;"
                        + " run " + run + " found some (logs in " + out + "):\n" + String.join("\n", findings));
            }
        } finally {
            restore(kept, baseline);
        }
    }

    /** The baseline, recorded by the checklist in a JVM of its own (the setting is read once per JVM) on a clean demo of its own. */
    private static void record(Path baseline, Path out) {
        var result = JavaProcess.of("org.testng.TestNG")
                .jvmArg("-javaagent:" + JavaProcess.aspectjWeaver())
                .removeEnv(variable -> variable.startsWith("STAGECHECK_"))
                .property("baseline.update", "true")
                .property("webhook.url", "off")
                .property("allure.results.directory", out.resolve("record-allure-results").toString())
                .property("reports.dir", baseline.getParent().getParent().toString())
                .property("sun.net.httpserver.nodelay", "true")
                .workDir(ProjectFiles.projectDir())
                .timeout(Duration.ofMinutes(3))
                .args("-d", out.resolve("record-testng").toString(), ProjectFiles.projectDir().resolve("suites/checklist.xml").toString())
                .run();
        assertTrue(result.exitCode() == 0 && Files.isRegularFile(baseline),
                "recording the baseline on the clean demo should pass and write " + baseline + ":" + result.describe());
    }

    /** Every failure and skip of one checklist run: each is a finding (or worse) on a healthy site. */
    private static List<String> findings(String name, Path out) {
        List<ITestResult> results;
        try {
            results = InProcessRun.of(new Parser(ProjectFiles.projectDir().resolve("suites/checklist.xml").toString()).parseToList(), out, name);
        } catch (IOException e) {
            throw new AssertionError("cannot read suites/checklist.xml: " + e.getMessage(), e);
        }
        assertTrue(results.stream().anyMatch(r -> r.getStatus() == ITestResult.SUCCESS), name + ": no checklist test ran (log " + out + ")");
        return results.stream().filter(r -> r.getStatus() != ITestResult.SUCCESS)
                .map(r -> name + " " + r.getName() + (r.getStatus() == ITestResult.SKIP ? " skipped: " : ": ") + InProcessRun.message(r))
                .toList();
    }

    /** A baseline another self-test left is put aside, so this one neither uses nor loses it. */
    private static Path keep(Path baseline, Path out) throws IOException {
        if (!Files.isRegularFile(baseline)) {
            return null;
        }
        return Files.move(baseline, out.resolve("kept-" + baseline.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void restore(Path kept, Path baseline) throws IOException {
        Files.deleteIfExists(baseline);
        if (kept != null) {
            Files.move(kept, baseline);
        }
    }
}
