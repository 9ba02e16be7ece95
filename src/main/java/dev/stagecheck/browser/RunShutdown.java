package dev.stagecheck.browser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The end of a run when the JVM exits, also on Ctrl-C or a cancelled build: every browser asked to
 * quit, in parallel and bounded in time (quitting over WebDriver hangs when the browser does), then
 * every process the run started killed, the profile folders deleted, and last the steps other
 * parts of the kit registered (the Allure results checked). All within about three seconds.
 */
final class RunShutdown {
    private static final Logger log = LoggerFactory.getLogger(RunShutdown.class);
    /** How long the browsers may take to quit by themselves. */
    static final Duration QUIT_BOUND = Duration.ofMillis(2000);
    /** How long the killed processes may take to be gone. */
    static final Duration KILL_BOUND = Duration.ofMillis(1000);
    private static final List<Runnable> AFTER = new CopyOnWriteArrayList<>();
    private static volatile boolean started;
    private static volatile boolean stopping;

    private RunShutdown() {
    }

    /** Registers the hook once, when the run starts its first browser. */
    static synchronized void install() {
        if (!started) {
            started = true;
            Runtime.getRuntime().addShutdownHook(new Thread(RunShutdown::run, "stagecheck-browser-cleanup"));
        }
    }

    /** True once the JVM is exiting: no new browser may start then. */
    static boolean stopping() {
        return stopping;
    }

    /** A step for the end of the run, after the browsers are gone. */
    static void after(Runnable step) {
        AFTER.add(step);
    }

    private static void run() {
        stopping = true;
        var sessions = BrowserSessions.takeAll();
        var quitters = sessions.stream().map(session -> {
            var thread = new Thread(() -> {
                try {
                    session.quit();
                } catch (RuntimeException e) {
                    log.debug("a browser did not quit cleanly: {}", e.toString());
                }
            }, "stagecheck-quit");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }).toList();
        var end = System.nanoTime() + QUIT_BOUND.toNanos();
        for (var thread : quitters) {
            try {
                thread.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                break;
            }
        }
        var left = OwnProcesses.ofThisRun(TempDirectory.live());
        if (!left.isEmpty()) {
            log.debug("killing {} process(es) the run started that are still there", left.size());
            OwnProcesses.kill(left, KILL_BOUND);
        }
        TempDirectory.deleteAll();
        for (var step : AFTER) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.debug("a step at the end of the run failed: {}", e.toString());
            }
        }
    }
}
