package dev.stagecheck.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Allure results folder of this run and the two files the kit writes there itself. */
public final class AllureResults {
    private static final Logger log = LoggerFactory.getLogger(AllureResults.class);

    private AllureResults() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("allure.results.directory", "reports/allure-results"));
    }

    /** Empties the results folder so a report shows one run, not the sum of all earlier ones. */
    public static void clear() {
        var dir = directory();
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
