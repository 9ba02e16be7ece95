package dev.stagecheck.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.qameta.allure.util.PropertiesUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Allure results folder of this run and the two files the kit writes there itself. */
public final class AllureResults {
    private static final Logger log = LoggerFactory.getLogger(AllureResults.class);
    /** The key allure-testng reads, from -D first, then from allure.properties on the classpath. */
    public static final String DIRECTORY_KEY = "allure.results.directory";
    /**
     * True in the JVM of the kit's self-tests and in every JVM they start. Such a JVM writes results
     * only to a folder it was given with -Dallure.results.directory: the one allure.properties
     * names is the user's, holding their last run.
     */
    public static final String SELF_TEST_KEY = "stagecheck.selftest";

    private AllureResults() {
    }

    /** The folder allure-testng writes to, found the way it finds it (its own default when nothing names one). */
    public static Path directory() {
        return Path.of(PropertiesUtils.loadAllureProperties().getProperty(DIRECTORY_KEY, "allure-results"));
    }

    /**
     * The folder this run may empty and prepare. In a self-test JVM it must have been named with
     * -Dallure.results.directory; otherwise a self-test's child would wipe the results of the
     * user's checklist run (and replace their kept trend data) in reports/.
     *
     * @throws IllegalStateException in a self-test JVM that was not told its own folder
     */
    public static Path directoryToPrepare() {
        var given = System.getProperty(DIRECTORY_KEY);
        if (Boolean.getBoolean(SELF_TEST_KEY) && (given == null || given.isBlank())) {
            throw new IllegalStateException("a self-test JVM (-D" + SELF_TEST_KEY + "=true) must be given its own -D"
                    + DIRECTORY_KEY + "; refusing to empty " + directory().toAbsolutePath().normalize());
        }
        return directory();
    }

    /** Empties the results folder so a report shows one run, not the sum of all earlier ones. */
    public static void clear() {
        var dir = directoryToPrepare();
        if (!Files.isDirectory(dir)) {
            log.debug("Allure results: {} does not exist yet, nothing to empty", dir);
            return;
        }
        var deleted = 0;
        try (var files = Files.list(dir)) {
            for (var file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                    deleted++;
                }
            }
            log.debug("Allure results: emptied {} ({} file(s) of earlier runs)", dir, deleted);
        } catch (IOException e) {
            log.info("could not empty {} ({}); the report may mix in older runs", dir, e.getMessage());
        }
    }

    /**
     * Deletes every result file of the folder that is not whole JSON: one Allure was writing when
     * an interrupted run ended. Allure's report generator stops at such a file; the rest is the run so far.
     */
    public static void dropUnfinished() {
        var dir = directory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        var json = new org.openqa.selenium.json.Json();
        try (var files = Files.list(dir)) {
            for (var file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().endsWith(".json")) {
                    continue;
                }
                try {
                    json.toType(Files.readString(file, StandardCharsets.UTF_8), Object.class);
                } catch (IOException | org.openqa.selenium.json.JsonException e) {
                    log.info("Allure results: {} was cut short when the run ended; removed so a report can still be made", file.getFileName());
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            log.debug("Allure results: could not check {} ({})", dir, e.getMessage());
        }
    }

    static void write(String fileName, String content) {
        try {
            Files.createDirectories(directory());
            Files.writeString(directory().resolve(fileName), content, StandardCharsets.UTF_8);
            log.debug("Allure results: wrote {}", directory().resolve(fileName));
        } catch (IOException e) {
            log.info("could not write {} ({})", directory().resolve(fileName), e.getMessage());
        }
    }
}
