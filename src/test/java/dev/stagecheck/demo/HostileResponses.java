package dev.stagecheck.demo;

import java.util.List;
import java.util.Optional;

/**
 * The hostile section's answers that go wrong on the wire rather than in the page: a redirect loop
 * and a redirect to a host where nothing listens. Each case page is calm itself and links to the
 * URL that misbehaves, so the finding is charged to that link and the case page is its "from".
 * Routed by {@link HostilePages}, listed in its index.
 */
public final class HostileResponses {
    /** Two URLs that redirect to each other for ever (302). */
    public static final String LOOP = HostilePages.ROOT + "/loop/a";
    public static final String LOOP_OTHER = HostilePages.ROOT + "/loop/b";
    /** A URL that redirects to a port of this machine where nothing listens ({@link #deadHost()}). */
    public static final String TO_DEAD_HOST = HostilePages.ROOT + "/moved-to-nowhere";
    private static volatile String deadHost;

    public static final List<HostilePages.Case> CASES = List.of(
            new HostilePages.Case("redirect-loop", "Redirect loop", "links to " + LOOP + ", which redirects to " + LOOP_OTHER + " and back, for ever",
                    "<p><a id=\"loop-link\" href=\"" + LOOP + "\">Our offers</a></p>"),
            new HostilePages.Case("redirect-dead-host", "Redirect to a dead host", "links to " + TO_DEAD_HOST
                    + ", which redirects to a port of this machine where nothing listens",
                    "<p><a id=\"dead-host-link\" href=\"" + TO_DEAD_HOST + "\">Our old shop</a></p>"));

    private HostileResponses() {
    }

    /** The answer for one of these URLs; empty for any other path. */
    static Optional<Response> answer(String path) {
        if (path.equals(LOOP)) {
            return Optional.of(found(LOOP_OTHER));
        }
        if (path.equals(LOOP_OTHER)) {
            return Optional.of(found(LOOP));
        }
        if (path.equals(TO_DEAD_HOST)) {
            return Optional.of(found(deadHost()));
        }
        return Optional.empty();
    }

    /**
     * Where nothing listens: a port the system handed out and that was closed again at once. Not a
     * low port such as 1, which browsers refuse to ask at all (ERR_UNSAFE_PORT) instead of trying.
     */
    public static String deadHost() {
        if (deadHost == null) {
            synchronized (HostileResponses.class) {
                if (deadHost == null) {
                    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                        deadHost = "http://127.0.0.1:" + socket.getLocalPort() + "/";
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("demo: no free port for the dead host", e);
                    }
                }
            }
        }
        return deadHost;
    }

    /** 302 Found, not cached: a loop a browser remembered would not reach the server again. */
    private static Response found(String location) {
        return new Response(302, java.util.Map.of("Location", location, "Cache-Control", "no-store"), new byte[0]);
    }
}
