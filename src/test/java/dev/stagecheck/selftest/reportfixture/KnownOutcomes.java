package dev.stagecheck.selftest.reportfixture;

import dev.stagecheck.report.ChecklistArea;
import org.testng.SkipException;
import org.testng.annotations.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.testng.Assert.fail;

/**
 * Results with known totals for {@code AllureReportTest}: 3 passed, 2 failed, 1 skipped, and one
 * that fails once and passes on its retry (so run with retries=1). Not a check of anything; its
 * own package keeps it out of suites/selftest.xml and the checklist suites. A checklist area, so that
 * the kit's listeners (the retries among them) treat it as they treat the checklist.
 */
@ChecklistArea
public class KnownOutcomes {
    /** One JVM runs this class once; the counter makes the first attempt fail and the retry pass. */
    private static final AtomicInteger FLAKY_ATTEMPTS = new AtomicInteger();

    @Test
    public void passesFirst() {
    }

    @Test
    public void passesSecond() {
    }

    @Test
    public void passesThird() {
    }

    @Test
    public void failsFirst() {
        fail("fails on purpose");
    }

    @Test
    public void failsSecond() {
        fail("fails on purpose");
    }

    @Test
    public void isSkipped() {
        throw new SkipException("skipped on purpose");
    }

    @Test
    public void passesOnRetry() {
        if (FLAKY_ATTEMPTS.incrementAndGet() == 1) {
            fail("fails on the first attempt only");
        }
    }
}
