package dev.stagecheck.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Fault#STICKY_SESSION}: a server that "helpfully" remembers who logged in by their
 * {@code User-Agent}. While the fault is on, a successful login is remembered for the client's
 * User-Agent, and a request from that User-Agent without a live session cookie is treated as
 * that member, so clearing cookies does not log the user out. Only {@code /logout} forgets it.
 */
final class StickySessions {

    private final Map<String, String> sessionIdByUserAgent = new ConcurrentHashMap<>();
    private final SessionStore sessions;
    private final FaultSwitch faults;

    StickySessions(SessionStore sessions, FaultSwitch faults) {
        this.sessions = sessions;
        this.faults = faults;
    }

    /** After {@code POST /login}: remembers the session the response hands out, if the fault is on. */
    void remember(Request request, Response response) {
        if (!faults.on(Fault.STICKY_SESSION)) {
            return;
        }
        String setCookie = response.headers().get("Set-Cookie");
        Optional<String> userAgent = userAgent(request.headers());
        if (setCookie == null || userAgent.isEmpty()) {
            return;
        }
        sessions.cookieValue(Map.of("Cookie", List.of(setCookie)))
                .filter(id -> !id.isEmpty())
                .ifPresent(id -> sessionIdByUserAgent.put(userAgent.get(), id));
    }

    /** The remembered session for a request without a live session cookie, if the fault is on. */
    Optional<Session> recognise(Map<String, List<String>> headers) {
        if (!faults.on(Fault.STICKY_SESSION)) {
            return Optional.empty();
        }
        return userAgent(headers).map(sessionIdByUserAgent::get).flatMap(sessions::byId);
    }

    /** At {@code /logout}: forgets this client and ends the session it was remembered with. */
    void forget(Request request) {
        userAgent(request.headers()).map(sessionIdByUserAgent::remove).ifPresent(sessions::close);
        sessions.cookieValue(request.headers()).ifPresent(id -> sessionIdByUserAgent.values().removeIf(id::equals));
    }

    /** When the fault is switched off, nobody stays remembered for a later switch-on. */
    void clear() {
        sessionIdByUserAgent.clear();
    }

    private static Optional<String> userAgent(Map<String, List<String>> headers) {
        List<String> values = headers.get("User-Agent");
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty() : Optional.of(values.get(0));
    }
}
