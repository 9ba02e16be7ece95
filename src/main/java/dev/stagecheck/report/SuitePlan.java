package dev.stagecheck.report;

import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.IAlterSuiteListener;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

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
    private static final Logger log = LoggerFactory.getLogger(SuitePlan.class);
    static final int MIB_PER_BROWSER = 500;

    @Override
    public void alter(List<XmlSuite> suites) {
        Settings settings;
        try {
            settings = Settings.current();
        } catch (ConfigException e) {
            log.debug("suite plan: the settings are bad, suites run as written (every test reports the setting)");
            return; // Every test reports the bad setting itself.
        }
        for (var suite : suites) {
            if (!ChecklistAreas.in(suite)) {
                continue; // Not a checklist suite (the kit's self-tests, a user's unrelated tests): left as written.
            }
            suite.getTests().removeIf(test -> {
                var browser = test.getAllParameters().get(RunSettings.BROWSER);
                var dropped = browser != null && !settings.runsBrowser(BrowserKind.parse(browser, "suite " + suite.getFileName()));
                if (dropped) {
                    log.debug("suite plan: {}: leaving out test block '{}' ({} is not in browsers)", suite.getName(), test.getName(), browser);
                }
                return dropped;
            });
            if (suite.getParallel() != XmlSuite.ParallelMode.NONE && settings.gridUrl().isEmpty()) {
                var cores = Runtime.getRuntime().availableProcessors();
                var freeMib = availableMemoryMib();
                var workers = workers(suite.getThreadCount(), cores, freeMib);
                log.debug("suite plan: {}: thread-count {}, {} core(s), {} free: {} worker(s)", suite.getName(), suite.getThreadCount(),
                        cores, freeMib.isPresent() ? freeMib.getAsLong() + " MiB" : "unknown memory", workers);
                if (workers < suite.getThreadCount()) {
                    log.info("{}: {} worker(s) instead of {} (one browser each; bounded by cores and free memory)",
                            suite.getName(), workers, suite.getThreadCount());
                    suite.setThreadCount(workers);
                }
            }
            log.debug("suite plan: {}: test blocks {}, parallel {}", suite.getName(),
                    suite.getTests().stream().map(XmlTest::getName).toList(), suite.getParallel());
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
