package dev.stagecheck.report;

import dev.stagecheck.log.InternalErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries Allure's trend data from one run to the next. Allure 2 draws its trend charts only from a
 * {@code history/} folder in the results, and writes the updated one into each report it generates
 * (a single-file report embeds it in index.html). So before a run, the last report's history is
 * kept in {@code reports/history/} (the report may be deleted or regenerated; this copy survives
 * both) and put into the fresh results. `mvn clean` does not touch it: it lives outside target/.
 *
 * @param report  the generated report ({@code reports/allure-report})
 * @param kept    where the trend data waits between runs ({@code reports/history})
 * @param results this run's Allure results ({@code reports/allure-results})
 */
public record AllureHistory(Path report, Path kept, Path results) {
    private static final Logger log = LoggerFactory.getLogger(AllureHistory.class);
    private static final String HISTORY = "history";

    /** The layout `mvn test` and `mvn allure:report` use: all three side by side in reports/. */
    public static AllureHistory beside(Path results) {
        var parent = results.toAbsolutePath().normalize().getParent();
        return new AllureHistory(parent.resolve("allure-report"), parent.resolve(HISTORY), results);
    }

    /**
     * The last report's trend data replaces the kept one. No report (never generated, or deleted):
     * the kept one stays. Says so in one line when it cannot: a run never fails over its trend chart.
     */
    public void keepFromLastReport() {
        try {
            var folder = report.resolve(HISTORY);
            if (hasFiles(folder)) {
                replace(folder, kept);
                log.debug("trend data: kept {} file(s) of {} in {}", count(kept), folder, kept);
                return;
            }
            var page = report.resolve("index.html");
            var embedded = Files.isRegularFile(page) ? embeddedHistory(Files.readString(page, StandardCharsets.UTF_8)) : Map.<String, byte[]>of();
            if (!embedded.isEmpty()) {
                deleteRecursively(kept);
                Files.createDirectories(kept);
                for (var file : embedded.entrySet()) {
                    Files.write(kept.resolve(file.getKey()), file.getValue());
                }
                log.debug("trend data: kept {} file(s) embedded in {} in {}", embedded.size(), page, kept);
                return;
            }
            log.debug("trend data: no last report in {}; {}", report,
                    hasFiles(kept) ? "the trend data kept in " + kept + " stays" : "no trend data kept yet");
        } catch (IOException e) {
            log.info("could not keep the trend data of {} ({}); the next report's trend starts anew", report, e.getMessage());
        } catch (RuntimeException e) {
            InternalErrors.report("keeping the trend data of " + report + " (the next report's trend starts anew)", e, InternalErrors.AS_IS);
        }
    }

    /** The history files inside a single-file report, which has no history/ folder (see {@link SingleFileReport}). */
    public static Map<String, byte[]> embeddedHistory(String page) {
        var files = new LinkedHashMap<String, byte[]>();
        SingleFileReport.files(page, HISTORY).forEach((name, content) -> {
            if (name.endsWith(".json")) {
                files.put(name, content);
            }
        });
        return files;
    }

    /**
     * The results get exactly the kept trend data: nothing left over from older runs (clearing the
     * results leaves folders alone), nothing at all when none is kept.
     */
    public void copyIntoResults() {
        var target = results.resolve(HISTORY);
        try {
            deleteRecursively(target);
            if (hasFiles(kept)) {
                replace(kept, target);
                log.debug("trend data: copied {} file(s) from {} into {}", count(target), kept, target);
            } else {
                log.debug("trend data: none kept in {}; this run's report starts its trend", kept);
            }
        } catch (IOException | UncheckedIOException e) {
            log.info("could not copy the trend data into {} ({}); the report shows no trend", target, e.getMessage());
        }
    }

    private static void replace(Path from, Path to) throws IOException {
        deleteRecursively(to);
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (var file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static long count(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
