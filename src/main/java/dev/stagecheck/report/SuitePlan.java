package dev.stagecheck.report;

import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import org.testng.IAlterSuiteListener;
import org.testng.xml.XmlSuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Shapes each suite for this run and this machine before it starts:
 * <ul>
 *   <li>{@code -Dbrowsers=webkit} keeps only those browsers' test blocks of a suite that names a
 *   browser per block (blocks naming none, like the server log, always stay), so a nightly matrix
 *   job per browser can run suites/nightly.xml for its own browser;</li>
 *   <li>the suite's thread-count is a ceiling: each worker drives one browser, so workers are also
 *   bounded by the cores and by the memory free for browsers (about {@value #MIB_PER_BROWSER} MiB each).</li>
 * </ul>
 */
public final class SuitePlan implements IAlterSuiteListener {
    static final int MIB_PER_BROWSER = 500;

    @Override
    public void alter(List<XmlSuite> suites) {
        Settings settings;
        try {
            settings = Settings.current();
        } catch (ConfigException e) {
            return; // Every test reports the bad setting itself.
        }
        for (var suite : suites) {
            suite.getTests().removeIf(test -> {
                var browser = test.getAllParameters().get(RunSettings.BROWSER);
                return browser != null && !settings.runsBrowser(BrowserKind.parse(browser, "suite " + suite.getFileName()));
            });
            if (suite.getParallel() != XmlSuite.ParallelMode.NONE && settings.gridUrl().isEmpty()) {
                var workers = workers(suite.getThreadCount(), Runtime.getRuntime().availableProcessors(), availableMemoryMib());
                if (workers < suite.getThreadCount()) {
                    System.out.println("stagecheck: " + suite.getName() + ": " + workers + " worker(s) instead of "
                            + suite.getThreadCount() + " (one browser each; bounded by cores and free memory)");
                    suite.setThreadCount(workers);
                }
            }
        }
    }

    /** Workers: the suite's ceiling, at most one per core and per {@value #MIB_PER_BROWSER} MiB free, at least one. */
    public static int workers(int ceiling, int cores, OptionalLong freeMib) {
        var byMemory = freeMib.isPresent() ? (int) Math.max(1, freeMib.getAsLong() / MIB_PER_BROWSER) : ceiling;
        return Math.max(1, Math.min(ceiling, Math.min(cores, byMemory)));
    }

    /** MemAvailable from /proc/meminfo (Linux); unknown elsewhere, where only the cores bound the workers. */
    private static OptionalLong availableMemoryMib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemAvailable:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D+", "")) / 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
