package dev.stagecheck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Allure results folder of this run and the two files the kit writes there itself. */
public final class AllureResults {
    private AllureResults() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("allure.results.directory", "reports/allure-results"));
    }

    /** Empties the results folder so a report shows one run, not the sum of all earlier ones. */
    public static void clear() {
        var dir = directory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (var file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            System.out.println("stagecheck: could not empty " + dir + " (" + e.getMessage() + "); the report may mix in older runs");
        }
    }

    static void write(String fileName, String content) {
        try {
            Files.createDirectories(directory());
            Files.writeString(directory().resolve(fileName), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("stagecheck: could not write " + directory().resolve(fileName) + " (" + e.getMessage() + ")");
        }
    }
}
