package dev.stagecheck.demo;

import java.util.List;
import java.util.Optional;

/**
 * The hostile section's answers that go wrong on the wire rather than in the page: a redirect loop,
 * a redirect to a host where nothing listens, 429 with Retry-After (once, and always), a cookie
 * flood answered 431, a Windows sign-in challenge, an answer cut short and random bytes. Each case page is calm itself and links to the
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
    /** Answers 429 with Retry-After: 1 to a first visit, and 200 to one who waited that long. */
    public static final String BUSY_ONCE = HostilePages.ROOT + "/busy-once";
    /** Answers 429 with Retry-After: 2 to every visit. */
    public static final String ALWAYS_BUSY = HostilePages.ROOT + "/always-busy";
    public static final int ALWAYS_BUSY_RETRY_SECONDS = 2;
    /** The path the cookie-flood page floods with cookies; the server answers 431 under it once the Cookie header is too large. */
    public static final String FLOOD = HostilePages.ROOT + "/flood/";
    public static final String FLOOD_IMAGE = FLOOD + "banner.svg";
    public static final String FLOOD_PAGE = FLOOD + "offers";
    /** Larger Cookie headers than this are refused with 431, as common servers do (nginx and Apache at 8 KB). */
    public static final int MAX_COOKIE_BYTES = 8 * 1024;
    /** Answers 401 with a Negotiate and an NTLM challenge: Windows sign-in. */
    public static final String INTRANET = HostilePages.ROOT + "/intranet/wiki";
    /** Answers 200 with a Content-Length 4 KB longer than the body it sends, then closes the connection. */
    public static final String CUT_SHORT = HostilePages.ROOT + "/story";
    /** Answers 64 KB of random bytes as text/html. */
    public static final String NOISE = HostilePages.ROOT + "/noise";
    /** When the busy-once URL last refused a visitor (nanoTime; 0: never). */
    private static final java.util.concurrent.atomic.AtomicLong busyRefused = new java.util.concurrent.atomic.AtomicLong();

    public static final List<HostilePages.Case> CASES = List.of(
            new HostilePages.Case("redirect-loop", "Redirect loop", "links to " + LOOP + ", which redirects to " + LOOP_OTHER + " and back, for ever",
                    "<p><a id=\"loop-link\" href=\"" + LOOP + "\">Our offers</a></p>"),
            new HostilePages.Case("redirect-dead-host", "Redirect to a dead host", "links to " + TO_DEAD_HOST
                    + ", which redirects to a port of this machine where nothing listens",
                    "<p><a id=\"dead-host-link\" href=\"" + TO_DEAD_HOST + "\">Our old shop</a></p>"),
            new HostilePages.Case("retry-after", "Busy, come back in a second", "links to " + BUSY_ONCE
                    + ", which answers 429 with Retry-After: 1 to a first visit and 200 to a visitor who waited that long",
                    "<p><a id=\"busy-once-link\" href=\"" + BUSY_ONCE + "\">Today's deals</a></p>"),
            new HostilePages.Case("too-many-requests", "Always too busy", "links to " + ALWAYS_BUSY
                    + ", which answers 429 with Retry-After: " + ALWAYS_BUSY_RETRY_SECONDS + " to every visit",
                    "<p><a id=\"always-busy-link\" href=\"" + ALWAYS_BUSY + "\">The busy shop</a></p>"),
            new HostilePages.Case("cookie-flood", "A flood of cookies", "sets 30 cookies of 400 bytes for " + FLOOD
                    + ", so the server answers its image and its link there 431 Request Header Fields Too Large",
                    "<p id=\"flood\">Setting cookies...</p><script>var big = new Array(401).join(\"x\");"
                            + " for (var i = 0; i < 30; i++) { document.cookie = \"flood\" + i + \"=\" + big + \"; path=" + FLOOD + "\"; }"
                            + " var banner = new Image(); banner.alt = \"banner\"; banner.src = \"" + FLOOD_IMAGE + "\";"
                            + " document.getElementById(\"flood\").appendChild(banner);</script>"
                            + "<p><a id=\"flood-link\" href=\"" + FLOOD_PAGE + "\">Our offers</a></p>"),
            new HostilePages.Case("windows-sign-in", "Windows sign-in", "links to " + INTRANET
                    + ", which answers 401 with a Negotiate and an NTLM challenge",
                    "<p><a id=\"intranet-link\" href=\"" + INTRANET + "\">The intranet wiki</a></p>"),
            new HostilePages.Case("cut-short", "An answer cut short", "links to " + CUT_SHORT
                    + ", which promises 4 KB more than it sends (its Content-Length) and closes the connection",
                    "<p><a id=\"cut-short-link\" href=\"" + CUT_SHORT + "\">The whole story</a></p>"),
            new HostilePages.Case("random-bytes", "Random bytes", "links to " + NOISE + ", which answers 64 KB of random bytes as text/html",
                    "<p><a id=\"noise-link\" href=\"" + NOISE + "\">The raw data</a></p>"));

    private HostileResponses() {
    }

    /** The answer for one of these URLs; empty for any other path. */
    static Optional<Response> answer(Request request) {
        var path = request.path();
        if (path.equals(LOOP)) {
            return Optional.of(found(LOOP_OTHER));
        }
        if (path.equals(LOOP_OTHER)) {
            return Optional.of(found(LOOP));
        }
        if (path.equals(TO_DEAD_HOST)) {
            return Optional.of(found(deadHost()));
        }
        if (path.equals(BUSY_ONCE)) {
            return Optional.of(busyOnce());
        }
        if (path.equals(ALWAYS_BUSY)) {
            return Optional.of(tooManyRequests(ALWAYS_BUSY_RETRY_SECONDS));
        }
        if (path.startsWith(FLOOD)) {
            return Optional.of(flooded(request));
        }
        if (path.equals(INTRANET)) {
            // Two challenges, two header lines (the dispatcher writes each line of a value as a header of its own).
            return Optional.of(Response.html(401, "<!doctype html><title>Sign in</title><p>Sign in with your Windows account.</p>")
                    .withHeader("WWW-Authenticate", "Negotiate\nNTLM").noStore());
        }
        if (path.equals(CUT_SHORT)) {
            var page = Response.html(200, "<!doctype html><html><head><title>The whole story</title></head><body><h1>The whole story</h1>"
                    + "<p>It begins like this, and then");
            return Optional.of(page.withHeader(Response.DECLARED_LENGTH, Integer.toString(page.body().length + 4096)).noStore());
        }
        if (path.equals(NOISE)) {
            var bytes = new byte[64 * 1024];
            new java.util.Random(20261203).nextBytes(bytes);
            return Optional.of(new Response(200, java.util.Map.of("Content-Type", "text/html", "Cache-Control", "no-store"), bytes));
        }
        return Optional.empty();
    }

    /** 429 to a visitor who did not wait the second it was asked to (or came first), 200 to one who did. */
    private static Response busyOnce() {
        var now = System.nanoTime();
        var last = busyRefused.get();
        var since = now - last;
        if (last == 0 || since > java.util.concurrent.TimeUnit.SECONDS.toNanos(5)) {
            busyRefused.set(now); // A new visitor: asked to come back in a second.
            return tooManyRequests(1);
        }
        if (since < java.util.concurrent.TimeUnit.SECONDS.toNanos(1)) {
            return tooManyRequests(1); // Back too soon.
        }
        return Response.html(200, "<!doctype html><title>Today's deals</title><h1>Today's deals</h1><p>Thanks for waiting.</p>").noStore();
    }

    private static Response tooManyRequests(int seconds) {
        return Response.html(429, "<!doctype html><title>Too many requests</title><p>Slow down, please.</p>")
                .withHeader("Retry-After", Integer.toString(seconds)).noStore();
    }

    /** Under the flooded path: 431 once the Cookie header is larger than servers accept, else a banner or a calm page. */
    private static Response flooded(Request request) {
        var cookies = request.headers().getOrDefault("Cookie", java.util.List.of()).stream().mapToInt(String::length).sum();
        if (cookies > MAX_COOKIE_BYTES) {
            return Response.html(431, "<!doctype html><title>Request Header Fields Too Large</title><h1>431 Request Header Fields Too Large</h1>")
                    .noStore();
        }
        if (request.path().equals(FLOOD_IMAGE)) {
            return new Response(200, java.util.Map.of("Content-Type", "image/svg+xml"),
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"20\"><rect width=\"120\" height=\"20\" fill=\"#ccc\"/></svg>"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return Response.html(200, "<!doctype html><title>Our offers</title><h1>Our offers</h1>").noStore();
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
