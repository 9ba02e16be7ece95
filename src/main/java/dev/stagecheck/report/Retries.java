package dev.stagecheck.report;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import org.testng.IAnnotationTransformer;
import org.testng.annotations.ITestAnnotation;
import org.testng.internal.annotations.DisabledRetryAnalyzer;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/**
 * Opt-in retries for every test of a suite that lists this listener: with {@code retries} above 0,
 * each test without a retry analyzer of its own gets {@link RetryAnalyzer}. With the default 0
 * nothing changes. Must be a suite-file listener: TestNG reads annotations before tests start.
 */
public final class Retries implements IAnnotationTransformer {

    @Override
    public void transform(ITestAnnotation annotation, Class testClass, Constructor testConstructor, Method testMethod) {
        if (retries() > 0 && !hasOwnAnalyzer(annotation)) {
            annotation.setRetryAnalyzer(RetryAnalyzer.class);
        }
    }

    /** A test's own analyzer wins; TestNG's stand-in for "none" is DisabledRetryAnalyzer. */
    private static boolean hasOwnAnalyzer(ITestAnnotation annotation) {
        var own = annotation.getRetryAnalyzerClass();
        return own != null && own != DisabledRetryAnalyzer.class;
    }

    private static int retries() {
        try {
            return Settings.current().retries();
        } catch (ConfigException e) {
            return 0;
        }
    }
}
