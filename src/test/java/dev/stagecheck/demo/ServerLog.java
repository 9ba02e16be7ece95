package dev.stagecheck.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The demo's server log: one Apache-style access line per request, e.g.
 * {@code 127.0.0.1 - - [28/Nov/2026:06:00:00 +0000] "GET /docs/faq HTTP/1.1" 200 5123}, plus
 * ERROR lines such as the ones {@link Fault#SERVER_LOG_401} writes. Served at {@link #PATH}.
 *
 * <p>Only the path is logged, never the query string (it may carry a secret), a header, a cookie
 * or a form body, so the log is as safe to attach to a report as the server's own would be.
 * The last {@link #MAX_LINES} lines are kept.
 */
final class ServerLog {

    /** Linked from nowhere; reading it is not logged, so reads do not change it. */
    static final String PATH = "/_demo/server.log";
    static final int MAX_LINES = 10_000;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Deque<String> lines = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    /** An access line; {@code rawPath} is the path as sent, still percent-encoded, without the query. */
    void access(String client, String method, String rawPath, String protocol, int status, long bytes) {
        requests.incrementAndGet();
        add(oneLine(client) + " - - " + now() + " \"" + oneLine(method) + " " + oneLine(rawPath) + " "
                + oneLine(protocol) + "\" " + status + " " + bytes);
    }

    /** An error line, e.g. {@code [28/Nov/2026:06:00:00 +0000] ERROR upstream GET ... answered 401 ...}. */
    void error(String message) {
        add(now() + " ERROR " + oneLine(message));
    }

    /** Every request logged since the site started, also past the lines kept. */
    long requests() {
        return requests.get();
    }

    /** A copy of the lines so far, oldest first. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The whole log as a text file, one line per entry. */
    String text() {
        List<String> copy = lines();
        return copy.isEmpty() ? "" : String.join("\n", copy) + "\n";
    }

    private synchronized void add(String line) {
        lines.addLast(line);
        while (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }

    private static String now() {
        return TIMESTAMP.format(Instant.now());
    }

    /** A log entry is one line whatever a client sent. */
    private static String oneLine(String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
