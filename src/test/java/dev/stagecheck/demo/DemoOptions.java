package dev.stagecheck.demo;

import java.util.Set;

/**
 * How one demo site instance starts. Every handler is built from these options at start, and
 * nothing reads system properties behind the caller's back: {@link DemoSiteProvider} turns
 * {@code -Ddemo.faults=public-401,...} into {@link #faults()} and {@code -Ddemo.pages=N} into
 * {@link #pages()} here.
 *
 * @param host    address to bind; loopback so the demo never shows up on the network
 * @param port    port to bind, 0 for an ephemeral one
 * @param threads request threads; browsers open several connections at once
 * @param faults  the {@link Fault}s switched on at start (immutable; {@code null} means none);
 *                {@link DemoSite#faults(Set)} switches them later
 * @param pages   generated catalog pages on top of the demo ({@link CatalogPages}), for scale tests;
 *                0 serves the demo exactly as without them
 * @param hostile the hostile section ({@link HostilePages}) on at start; {@link DemoSite#hostile(boolean)}
 *                switches it later
 */
public record DemoOptions(String host, int port, int threads, Set<Fault> faults, int pages, boolean hostile) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_THREADS = 8;

    public DemoOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        faults = Fault.copyOf(faults);
        if (pages < 0 || pages > CatalogPages.MAX_PAGES) {
            throw new IllegalArgumentException("pages must be 0 to " + CatalogPages.MAX_PAGES + ": " + pages);
        }
    }

    /** Without the hostile section, as before it existed. */
    public DemoOptions(String host, int port, int threads, Set<Fault> faults, int pages) {
        this(host, port, threads, faults, pages, false);
    }

    /** Without generated pages, as before they existed. */
    public DemoOptions(String host, int port, int threads, Set<Fault> faults) {
        this(host, port, threads, faults, 0);
    }

    /** Without faults, as before faults existed. */
    public DemoOptions(String host, int port, int threads) {
        this(host, port, threads, Set.of());
    }

    /** Loopback, ephemeral port, default thread count, no faults, no generated pages. */
    public static DemoOptions defaults() {
        return new DemoOptions(LOOPBACK, 0, DEFAULT_THREADS, Set.of(), 0, false);
    }

    public DemoOptions withPort(int newPort) {
        return new DemoOptions(host, newPort, threads, faults, pages, hostile);
    }

    public DemoOptions withFaults(Set<Fault> newFaults) {
        return new DemoOptions(host, port, threads, newFaults, pages, hostile);
    }

    /** With {@code newPages} generated catalog pages ({@code /catalog/item-1} ...), 0 for none. */
    public DemoOptions withPages(int newPages) {
        return new DemoOptions(host, port, threads, faults, newPages, hostile);
    }

    /** With the hostile section on ({@code true}) or off. */
    public DemoOptions withHostile(boolean on) {
        return new DemoOptions(host, port, threads, faults, pages, on);
    }
}
