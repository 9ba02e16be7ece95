package dev.stagecheck.selftest;

import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The check `.ci/run` makes of the generated report ({@link ReportCheck}) counts what the suite
 * declares and fails on too few test cases or any that did not pass. Synthetic single-file pages
 * stand in for reports; no browser, no Allure commandline.
 */
public class ReportCheckTest {

    @Test(description = "the declared count is the enabled @Test methods of the suite's classes, include and exclude lists respected")
    public void countsTheSuitesTestMethods() throws IOException {
        var dir = ScratchFolders.newFolder("report-check-");
        try {
            var suite = dir.resolve("suite.xml");
            Files.writeString(suite, """
                    <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
                    <suite name="counted">
                      <test name="all">
                        <classes>
                          <class name="dev.stagecheck.selftest.reportfixture.KnownOutcomes"/>
                        </classes>
                      </test>
                      <test name="some">
                        <classes>
                          <class name="dev.stagecheck.selftest.reportfixture.KnownOutcomes">
                            <methods><exclude name="passesOnRetry"/></methods>
                          </class>
                        </classes>
                      </test>
                    </suite>
                    """, StandardCharsets.UTF_8);
            assertEquals(ReportCheck.declaredTests(suite), 7 + 6, "KnownOutcomes has 7 @Test methods; the second block excludes one");
        } finally {
            ProjectFiles.deleteRecursively(dir);
        }
        assertTrue(ReportCheck.declaredTests(ProjectFiles.projectDir().resolve(ReportCheck.SUITE)) > 0, "the checklist declares no tests");
    }

    @Test(description = "a report with the declared count, all passed, is fine")
    public void aFullGreenReportPasses() {
        var summary = ReportCheck.summary(page(15, 15, "passed"));
        assertEquals(summary, new ReportCheck.Summary(15, 15, List.of()));
        assertTrue(ReportCheck.problem(15, summary).isEmpty(), "a full green report was refused");
        assertTrue(ReportCheck.problem(12, summary).isEmpty(), "more test cases than declared (data providers) were refused");
    }

    @Test(description = "a report with 0 test cases (results emptied after the run) fails, naming the count")
    public void anEmptyReportFails() {
        var problem = ReportCheck.problem(15, ReportCheck.summary(page(0, 0, null)));
        assertTrue(problem.isPresent() && problem.get().startsWith("0 test cases, fewer than the 15"), "problem: " + problem);
    }

    @Test(description = "a report with a failed test fails, naming it")
    public void aFailedTestFails() {
        var problem = ReportCheck.problem(15, ReportCheck.summary(page(15, 14, "failed")));
        assertTrue(problem.isPresent() && problem.get().contains("1 of 15 test cases did not pass") && problem.get().contains("someTest (failed)"),
                "problem: " + problem);
    }

    @Test(description = "a suite that declares nothing cannot pass the check")
    public void nothingDeclaredFails() {
        assertTrue(ReportCheck.problem(0, ReportCheck.summary(page(3, 3, "passed"))).isPresent(), "nothing to compare with, yet passed");
    }

    /** A single-file page as Allure embeds its data: the overview's statistic and a Suites tree with one leaf. */
    private static String page(int total, int passed, String leafStatus) {
        var summary = """
                {"reportName":"Allure Report","testRuns":[],"statistic":{"failed":%d,"broken":0,"skipped":0,"passed":%d,"unknown":0,"total":%d}}
                """.formatted(total - passed, passed, total);
        var suites = leafStatus == null ? "{\"uid\":\"root\",\"name\":\"suites\",\"children\":[]}"
                : "{\"uid\":\"root\",\"name\":\"suites\",\"children\":[{\"name\":\"checklist\",\"children\":[{\"name\":\"someTest\",\"uid\":\"1\",\"status\":\"" + leafStatus + "\"}]}]}";
        return "<html><script>d('widgets/summary.json','" + base64(summary) + "')\nd('data/suites.json','" + base64(suites) + "')</script></html>";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
