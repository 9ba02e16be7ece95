package dev.stagecheck.report;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import org.testng.Reporter;

/**
 * Marks a test that passed only after a retry as flaky in the Allure report. allure-testng writes
 * each retried attempt as a skipped result, and Allure 2 then shows the final pass as a plain pass
 * (its retry tab lists the attempts, but only a failed attempt would count against the test).
 *
 * <p>Hooked in through Allure's service loader (META-INF/services), it runs just before a result is
 * written: allure-testng writes from TestNG's result listener, after the retry decision and any
 * status change by another listener, while {@link Reporter#getCurrentTestResult()} is still that test.
 */
public final class FlakyAfterRetry implements TestLifecycleListener {

    @Override
    public void beforeTestWrite(TestResult result) {
        if (result.getStatus() != Status.PASSED) {
            return;
        }
        var current = Reporter.getCurrentTestResult();
        if (current != null && current.getMethod().getRetryAnalyzer(current) instanceof RetryAnalyzer analyzer
                && analyzer.retried() > 0) {
            if (result.getStatusDetails() == null) {
                result.setStatusDetails(new StatusDetails());
            }
            result.getStatusDetails().setFlaky(true);
            result.getStatusDetails().setMessage("passed after " + analyzer.retried() + (analyzer.retried() == 1 ? " retry" : " retries"));
        }
    }
}
