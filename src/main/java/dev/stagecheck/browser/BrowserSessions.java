package dev.stagecheck.browser;

import dev.stagecheck.config.Settings;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One browser per worker thread, started on first use, reused by the thread's later tests, replaced
 * when it has crashed, and all quit at the end of the run (or when the JVM exits).
 */
public final class BrowserSessions {
    private static final ThreadLocal<BrowserSession> CURRENT = new ThreadLocal<>();
    private static final Set<BrowserSession> ALL = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserSessions::quitAll, "stagecheck-browser-cleanup"));
    }

    private BrowserSessions() {
    }

    /** This thread's browser, started or restarted as needed. */
    public static BrowserSession current() {
        var session = CURRENT.get();
        if (session != null && !session.isAlive()) {
            System.out.println("stagecheck: the browser of " + Thread.currentThread().getName() + " stopped answering; starting a fresh one");
            discard(session);
            session = null;
        }
        if (session == null) {
            session = BrowserSession.start(Settings.current());
            CURRENT.set(session);
            ALL.add(session);
        }
        return session;
    }

    /** This thread's browser if it has one, without starting one (for failure attachments). */
    public static Optional<BrowserSession> existing() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void quitAll() {
        for (var session : ALL) {
            discard(session);
        }
    }

    private static void discard(BrowserSession session) {
        ALL.remove(session);
        if (CURRENT.get() == session) {
            CURRENT.remove();
        }
        session.quit();
    }
}
