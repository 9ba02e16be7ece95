package dev.stagecheck.grid;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watches a Grid's {@code /status} in the background while something runs through it, and keeps
 * the most sessions seen at once, in all and per browserName: the evidence that sessions really
 * ran on the Grid (and how many in parallel), whatever the client says about itself.
 */
public final class GridWatch implements AutoCloseable {

    /** The most sessions seen at once, overall and per browserName. */
    public record Peak(int sessions, Map<String, Integer> perBrowser) {
        public int of(String browserName) {
            return perBrowser.getOrDefault(browserName, 0);
        }
    }

    private static final Duration INTERVAL = Duration.ofMillis(300);
    private final LocalGrid grid;
    private final Thread thread;
    private volatile boolean running = true;
    private int peak;
    private final Map<String, Integer> peakPerBrowser = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private GridWatch(LocalGrid grid) {
        this.grid = grid;
        this.thread = new Thread(this::watch, "grid-watch");
        this.thread.setDaemon(true);
    }

    public static GridWatch start(LocalGrid grid) {
        var watch = new GridWatch(grid);
        watch.thread.start();
        return watch;
    }

    private void watch() {
        while (running) {
            GridStatus.fetch(grid.url()).ifPresent(this::record);
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(GridStatus status) {
        peak = Math.max(peak, status.busySlots());
        status.nodes().stream().flatMap(node -> node.slots().stream()).map(GridStatus.Slot::browserName).distinct()
                .forEach(name -> peakPerBrowser.merge(name, status.busySlots(name), Math::max));
    }

    /** What was seen so far. */
    public synchronized Peak peak() {
        // A copy that keeps the case-insensitive order, so of("chrome") finds "Chrome" too.
        return new Peak(peak, java.util.Collections.unmodifiableSortedMap(new TreeMap<>(peakPerBrowser)));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
