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

    Session open(String email, String displayName) {
        Session session = new Session(RandomIds.hex32(), email, displayName);
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

    static String setCookie(Session session) {
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax";
    }

    static String clearCookie() {
        return COOKIE + "=; Path=/; Max-Age=0";
    }
}
