package dev.stagecheck.report;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import dev.stagecheck.traffic.SiteAnswers;
import dev.stagecheck.verdict.AcceptedFindings;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.ResponseRule;
import dev.stagecheck.verdict.ServerLogWatch;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Parameter;
import org.testng.IInvokedMethod;
import org.testng.IInvokedMethodListener;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.ITestResult;

import java.util.stream.Collectors;

/**
 * Watches every checklist test: whatever the test itself asserts, a 401 it did not declare or a
 * server error anywhere in its traffic fails it ({@link ResponseRule#lockOuts}), naming URL, status
 * and the page that led there.
 * Attaches the network table to every test and the failure evidence to every failed one.
 */
public final class ChecklistListener implements ISuiteListener, IInvokedMethodListener {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChecklistListener.class);

    @Override
    public void onStart(ISuite suite) {
        if (!ChecklistAreas.in(suite)) {
            return;
        }
        Categories.write();
        // However the run ends (Ctrl-C too), the results left behind must make a report.
        BrowserSessions.atEndOfRun(AllureResults::dropUnfinished);
        AcceptedFindings.forgetLastRun();
        try {
            var settings = Settings.current();
            ServerLogWatch.startOfRun(settings.profile(), settings.httpTimeout());
            AcceptedFindings.startOfRun(settings.profile());
        } catch (ConfigException e) {
            // Bad settings: every test will fail with this line; nothing to watch.
        }
    }

    @Override
    public void onFinish(ISuite suite) {
        if (!ChecklistAreas.in(suite)) {
            return;
        }
        // Again at the end: kinds a user's own checks defined while running are in it now.
        Categories.write();
        var unmatched = unmatchedAccepts();
        try {
            RunEnvironment.write(Settings.current(), unmatched);
        } catch (ConfigException e) {
            // The run never got going; the failure already says why.
        }
        BrowserSessions.quitAll();
    }

    /** A site that went down fails every check that starts after, at once, with the one line that says so. */
    @Override
    public void beforeInvocation(IInvokedMethod method, ITestResult result) {
        if (!method.isTestMethod() || !ChecklistAreas.is(method.getTestMethod())) {
            return;
        }
        try {
            SiteAnswers.requireAnswering(Settings.current().httpTimeout());
        } catch (ConfigException e) {
            // Bad settings: the test itself fails with their line.
        }
    }

    @Override
    public void afterInvocation(IInvokedMethod method, ITestResult result) {
        if (!method.isTestMethod() || !ChecklistAreas.is(method.getTestMethod())) {
            return;
        }
        var session = BrowserSessions.existing();
        session.ifPresent(browser -> {
            // Runs of one test on other browsers and devices must stay apart in the report.
            parameter("browser", browser.settings().browser().key());
            parameter("device", browser.settings().device().key());
            if (result.getStatus() == ITestResult.SUCCESS) {
                var traffic = browser.traffic();
                var profile = Settings.current().profile();
                var lockOuts = accepting(profile, ResponseRule.of(profile).with401s(traffic.expectedUnauthorized())
                        .lockOuts(traffic.exchanges()), result);
                if (!lockOuts.isEmpty()) {
                    // One line per response, each labelled, so every one is found by its kind and URL.
                    result.setStatus(ITestResult.FAILURE);
                    result.setThrowable(new AssertionError(lockOuts.stream().map(Finding::line).collect(Collectors.joining("\n"))));
                }
            }
            Attachments.network(browser);
            if (result.getStatus() == ITestResult.FAILURE) {
                Attachments.failureEvidence(browser);
            }
        });
        if (result.getStatus() == ITestResult.FAILURE && result.getThrowable() != null) {
            result.setThrowable(FailureLine.of(result.getThrowable(), method.getTestMethod().getQualifiedName(), session, rule(session)));
        }
    }

    /** Once per run, on the console and the report's overview, never a failure: an accepted problem that no longer shows is probably fixed. */
    private static java.util.List<String> unmatchedAccepts() {
        try {
            var unmatched = AcceptedFindings.ofThisRun(Settings.current().profile()).unmatched();
            unmatched.forEach(line -> log.warn("warning: {}", line));
            return unmatched;
        } catch (ConfigException e) {
            return java.util.List.of(); // Bad settings or accept lines: the failures already say why.
        }
    }

    /**
     * The guard's findings without those the profile accepts (listed in the report instead). The
     * guard sees only what its test opened, so its not finding an accepted problem proves nothing.
     * Accept lines the kit refuses fail the test with their one line.
     */
    private static java.util.List<Finding> accepting(dev.stagecheck.config.SiteProfile profile, java.util.List<Finding> lockOuts, ITestResult result) {
        if (lockOuts.isEmpty()) {
            return lockOuts;
        }
        try {
            var sorted = AcceptedFindings.ofThisRun(profile).sort(lockOuts, java.util.List.of());
            Attachments.accepted(sorted);
            return sorted.failing();
        } catch (ConfigException e) {
            result.setStatus(ITestResult.FAILURE);
            result.setThrowable(e);
            return java.util.List.of();
        }
    }

    /** The one rule of answers, with the 401s this test declared; the profile's alone when the settings cannot be read. */
    private static ResponseRule rule(java.util.Optional<dev.stagecheck.browser.BrowserSession> session) {
        try {
            var rule = ResponseRule.of(Settings.current().profile());
            return session.map(browser -> rule.with401s(browser.traffic().expectedUnauthorized())).orElse(rule);
        } catch (ConfigException e) {
            return ResponseRule.expecting(java.util.List.of(), java.util.List.of());
        }
    }

    /**
     * Sets one Allure parameter of the running test. allure-testng already copies a suite's
     * {@code <parameter>} values (browser, device) into the result: replace, never add a twin.
     */
    private static void parameter(String name, String value) {
        Allure.getLifecycle().updateTestCase(result -> {
            result.getParameters().removeIf(existing -> name.equals(existing.getName()));
            result.getParameters().add(new Parameter().setName(name).setValue(value));
        });
    }
}
