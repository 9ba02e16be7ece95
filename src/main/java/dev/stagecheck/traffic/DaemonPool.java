package dev.stagecheck.traffic;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A witness's small pool for side work (probes, CDP replies): daemon threads, so a forgotten close never holds the JVM. */
final class DaemonPool {
    private DaemonPool() {
    }

    static ExecutorService of(int threads, String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
