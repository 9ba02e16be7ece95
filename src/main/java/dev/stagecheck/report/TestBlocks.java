package dev.stagecheck.report;

import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.xml.XmlTest;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Knows which test blocks ({@code <test>}) of a suite have finished, so a check that must come last
 * (the server log) can wait for the others even when blocks run in parallel (one per browser).
 */
public final class TestBlocks implements ITestListener {
    private static final Set<String> FINISHED = new HashSet<>();

    @Override
    public void onFinish(ITestContext context) {
        synchronized (FINISHED) {
            FINISHED.add(key(context.getCurrentXmlTest()));
            FINISHED.notifyAll();
        }
    }

    /** Waits until every other test block of this suite has finished, or the timeout passes. */
    public static void awaitOthers(ITestContext context, Duration timeout) {
        var mine = context.getCurrentXmlTest();
        var others = context.getSuite().getXmlSuite().getTests().stream().filter(test -> test != mine).map(TestBlocks::key).toList();
        var deadline = System.nanoTime() + timeout.toNanos();
        synchronized (FINISHED) {
            while (!FINISHED.containsAll(others)) {
                var left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    FINISHED.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String key(XmlTest test) {
        return test.getSuite().getFileName() + "#" + test.getName();
    }
}
