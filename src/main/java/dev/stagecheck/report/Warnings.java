package dev.stagecheck.report;

import io.qameta.allure.Allure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What is accepted but not right: the test passes, and the line is printed on the console and
 * attached to the test's report, so it is seen on every run instead of passing silently.
 */
public final class Warnings {
    private static final Logger log = LoggerFactory.getLogger(Warnings.class);
    private static final List<String> GIVEN = new ArrayList<>();

    private Warnings() {
    }

    public static void warn(String line) {
        synchronized (GIVEN) {
            GIVEN.add(line);
        }
        log.warn("warning: {}", line);
        Allure.addAttachment("Warning", "text/plain", line + "\n", ".txt");
    }

    /** Every warning this JVM gave so far, in order. */
    public static List<String> given() {
        synchronized (GIVEN) {
            return List.copyOf(GIVEN);
        }
    }
}
