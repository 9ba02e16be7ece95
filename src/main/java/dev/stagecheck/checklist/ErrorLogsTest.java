package dev.stagecheck.checklist;

import dev.stagecheck.config.Settings;
import dev.stagecheck.url.SafeUrl;
import dev.stagecheck.verdict.Findings;
import dev.stagecheck.verdict.ResponseRule;
import dev.stagecheck.verdict.ServerLogWatch;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import dev.stagecheck.report.ChecklistArea;
import dev.stagecheck.report.TestBlocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ITestContext;
import org.testng.SkipException;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The guide's "check the error logs", server side: after the whole checklist has run (this class
 * sits in the suite's last test block), the lines the server's log gained during the run that
 * match the profile's patterns are findings. Browser console errors are checked page by page by
 * the crawl.
 */
@Epic("401 fix verification checklist")
@Feature("Error logs")
@ChecklistArea
public class ErrorLogsTest {
    private static final Logger log = LoggerFactory.getLogger(ErrorLogsTest.class);

    /** With test blocks in parallel (one per browser), "after everything else" needs a wait, not just an order. */
    @BeforeClass(alwaysRun = true)
    public void afterAllOtherTestBlocks(ITestContext context) {
        TestBlocks.awaitOthers(context, Duration.ofMinutes(60));
    }

    @Test(description = "The server's log gained no 401, 5xx or error lines during the run (beyond the 401s the checklist asked for)")
    @Story("Check the server's error log")
    public void serverLogHasNoNewErrors() {
        var profile = Settings.current().profile();
        var watch = ServerLogWatch.ofThisRun().orElseThrow(() -> new SkipException("the site profile " + profile.file()
                + " names no server log: set server.log.file or server.log.url to check it"));
        var findings = new Findings();
        findings.addAll(watch.findings(ResponseRule.of(profile)));
        findings = Accepting.sort(profile, findings, ServerLogWatch.KINDS);
        Allure.addAttachment("Server log lines added during the run (" + watch.location() + ")", "text/plain",
                watch.newLines().stream().map(SafeUrl::of).collect(Collectors.joining("\n", "", "\n")), ".txt");
        Allure.addAttachment("Findings", "text/plain", findings.isEmpty() ? "(none)\n" : findings.table(), ".txt");
        if (!findings.isEmpty()) {
            // The console's one copy of the findings; the failure message only counts them.
            log.info("the server log check found " + findings.summary() + ":\n" + findings.table().stripTrailing());
            // The headline says what the lines are about when they are 401s: the usual story of a locked-out run.
            var unauthorized = findings.all().stream().filter(finding -> finding.evidence().contains(" 401 ")).count();
            throw findings.failure("The server log check" + (unauthorized > 0 ? " (" + unauthorized + " of its lines record a 401)" : ""));
        }
    }
}
