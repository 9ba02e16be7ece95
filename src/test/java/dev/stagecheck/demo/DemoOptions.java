package dev.stagecheck.demo;

/**
 * How one demo site instance runs. Every handler is built from these options at start, so a
 * later switch (for example {@code -Ddemo.faults=public-401,...} as a {@code Set<Fault>}
 * component) only needs a new component here and a look-up where {@link DemoRoutes} wires the
 * handlers; nothing reads system properties behind the caller's back.
 *
 * @param host    address to bind; loopback so the demo never shows up on the network
 * @param port    port to bind, 0 for an ephemeral one
 * @param threads request threads; browsers open several connections at once
 */
public record DemoOptions(String host, int port, int threads) {

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
    }

    /** Loopback, ephemeral port, default thread count. */
    public static DemoOptions defaults() {
        return new DemoOptions(LOOPBACK, 0, DEFAULT_THREADS);
    }

    public DemoOptions withPort(int newPort) {
        return new DemoOptions(host, newPort, threads);
    }
}
