package dev.stagecheck.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live member sessions keyed by the {@code demo_session} cookie value. Request threads share it,
 * hence the concurrent maps. Every id ever issued is also kept, even after logout, so the
 * secrets self-test can check no report leaked one.
 */
final class SessionStore {

    static final String COOKIE = "demo_session";

    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    Session open(String email, String displayName, boolean staff) {
        Session session = new Session(RandomIds.hex32(), email, displayName, staff);
        issued.add(session.id());
        live.put(session.id(), session);
        return session;
    }

    void close(String id) {
        live.remove(id);
    }

    /** The live session with this id, if any. */
    Optional<Session> byId(String id) {
        return Optional.ofNullable(live.get(id));
    }

    /** The live session named by the request's {@code Cookie} headers, if any. */
    Optional<Session> find(Map<String, List<String>> headers) {
        return cookieValue(headers).map(live::get);
    }

    Optional<String> cookieValue(Map<String, List<String>> headers) {
        return valueIn(headers);
    }

    /** The session cookie's value in these request headers, if they carry one. */
    static Optional<String> valueIn(Map<String, List<String>> headers) {
        List<String> cookieHeaders = headers.getOrDefault("Cookie", List.of());
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(COOKIE)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** Sessions open right now: a log-out a crawl should never have followed shows as one fewer. */
    int liveCount() {
        return live.size();
    }

    /** A snapshot, so callers can iterate while the site keeps issuing. */
    Set<String> issuedIds() {
        return Set.copyOf(issued);
    }

    /**
     * The session cookie, and a "signed in before" hint a script may read that outlives it (as
     * WordPress's logged-in cookie outlives none of its auth cookie's checks, but many sites' do).
     */
    static String setCookie(Session session) {
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax\n" + HINT_COOKIE + "=1; Path=/; Max-Age=86400; SameSite=Lax";
    }

    static String clearCookie() {
        return COOKIE + "=; Path=/; Max-Age=0\n" + HINT_COOKIE + "=; Path=/; Max-Age=0";
    }

    /** Set with the session cookie, never trusted by the site (only the expired-session-loop fault trusts it). */
    static final String HINT_COOKIE = "demo_member";

    /** Whether the request carries the "signed in before" hint. */
    static boolean hasHint(Map<String, List<String>> headers) {
        return headers.getOrDefault("Cookie", List.of()).stream().flatMap(header -> java.util.Arrays.stream(header.split(";")))
                .anyMatch(pair -> pair.strip().startsWith(HINT_COOKIE + "=") && !pair.strip().equals(HINT_COOKIE + "="));
    }
}
