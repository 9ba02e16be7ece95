package dev.stagecheck.browser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Ends this JVM when the Java process that launched it is gone. Maven runs the checklist in a
 * forked JVM (Surefire, through {@code /bin/sh -c}); Ctrl-C or a CI cancel that reaches only Maven
 * ends Maven at once, and the fork, never told, went on driving its browsers for minutes. Exiting
 * runs the shutdown hook ({@link RunShutdown}), which closes every browser the run started.
 */
final class LauncherWatch {
    private static final Logger log = LoggerFactory.getLogger(LauncherWatch.class);
    private static final Duration EVERY = Duration.ofMillis(250);
    /** The exit status of a run ended by an interrupt, as a shell reports Ctrl-C. */
    static final int INTERRUPTED = 130;
    private static boolean started;

    private LauncherWatch() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        launcher().ifPresent(launcher -> {
            var checker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "stagecheck-launcher-watch");
                thread.setDaemon(true);
                return thread;
            });
            checker.scheduleWithFixedDelay(() -> {
                if (!launcher.isAlive()) {
                    log.warn("stagecheck: the process that started this run (pid {}) has stopped (Ctrl-C or a cancelled build):"
                            + " closing the browsers and ending the run", launcher.pid());
                    checker.shutdown();
                    System.exit(INTERRUPTED);
                }
            }, EVERY.toMillis(), EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        });
    }

    /** The nearest Java ancestor, looking through the shell Surefire starts the fork with; empty when started by a shell or IDE. */
    static Optional<ProcessHandle> launcher() {
        var parent = ProcessHandle.current().parent();
        for (int hops = 0; parent.isPresent() && hops < 3; hops++) {
            var command = parent.get().info().command().orElse("");
            if (command.endsWith("/java")) {
                return parent;
            }
            if (!(command.endsWith("/sh") || command.endsWith("/dash") || command.endsWith("/bash"))) {
                return Optional.empty();
            }
            parent = parent.get().parent();
        }
        return Optional.empty();
    }
}
