package dev.stagecheck.report;

import dev.stagecheck.time.Deadline;
import org.testng.ISuite;
import org.testng.ISuiteListener;
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
public final class TestBlocks implements ITestListener, ISuiteListener {
    private static final Set<String> FINISHED = new HashSet<>();

    /** A suite run again in the same JVM (the self-tests do that) starts with none of its blocks finished. */
    @Override
    public void onStart(ISuite suite) {
        synchronized (FINISHED) {
            FINISHED.removeIf(key -> key.startsWith(suite.getXmlSuite().getFileName() + "#"));
        }
    }

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
        var deadline = Deadline.after(timeout);
        synchronized (FINISHED) {
            deadline.await(FINISHED, () -> FINISHED.containsAll(others));
        }
    }

    private static String key(XmlTest test) {
        return test.getSuite().getFileName() + "#" + test.getName();
    }
}
