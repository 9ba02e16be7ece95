package dev.stagecheck.report;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import org.testng.IAnnotationTransformer;
import org.testng.annotations.ITestAnnotation;
import org.testng.internal.annotations.DisabledRetryAnalyzer;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/**
 * Opt-in retries for every checklist test: with {@code retries} above 0, each test of a
 * {@link ChecklistArea} without a retry analyzer of its own gets {@link RetryAnalyzer}. With the
 * default 0 nothing changes. TestNG reads annotations before tests start, so this must be known
 * to it from the start: the service loader registers it, like the kit's other listeners.
 */
public final class Retries implements IAnnotationTransformer {

    @Override
    public void transform(ITestAnnotation annotation, Class testClass, Constructor testConstructor, Method testMethod) {
        var owner = testClass != null ? testClass : testMethod != null ? testMethod.getDeclaringClass() : null;
        if (ChecklistAreas.is(owner) && retries() > 0 && !hasOwnAnalyzer(annotation)) {
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
