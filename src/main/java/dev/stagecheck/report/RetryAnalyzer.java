package dev.stagecheck.report;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.IRetryAnalyzer;
import org.testng.ITestResult;

/**
 * Runs a failed checklist test again, at most {@code retries} times (TestNG keeps one analyzer per
 * test method, so the count is per test). TestNG reports each retried attempt as skipped; a test
 * that passes after one is marked flaky in the report ({@link FlakyAfterRetry}), never a clean pass.
 */
public final class RetryAnalyzer implements IRetryAnalyzer {
    private static final Logger log = LoggerFactory.getLogger(RetryAnalyzer.class);
    private int retried;

    @Override
    public boolean retry(ITestResult result) {
        if (retried >= allowed()) {
            log.debug("{} failed; not run again ({} retry(ies) allowed, {} done)", result.getMethod().getQualifiedName(), allowed(), retried);
            return false;
        }
        retried++;
        log.info("{} failed, running it again (retry {} of {})", result.getMethod().getQualifiedName(), retried, allowed());
        return true;
    }

    /** How often this test has been run again so far. */
    public int retried() {
        return retried;
    }

    private static int allowed() {
        try {
            return Settings.current().retries();
        } catch (ConfigException e) {
            // Bad settings fail every test with their own line; running them again would not help.
            return 0;
        }
    }
}
