package dev.stagecheck.browser;

import dev.stagecheck.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One browser per worker thread, started on first use, reused by the thread's later tests, replaced
 * when it has crashed, and all quit at the end of the run (or when the JVM exits).
 */
public final class BrowserSessions {
    private static final Logger log = LoggerFactory.getLogger(BrowserSessions.class);
    private static final ThreadLocal<BrowserSession> CURRENT = new ThreadLocal<>();
    private static final Set<BrowserSession> ALL = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> UNAVAILABLE = new ConcurrentHashMap<>();
    private static final Map<String, String> SEEN = new java.util.concurrent.ConcurrentSkipListMap<>();

    static {
        // At the JVM's exit, Ctrl-C included: every browser quit or killed, bounded in time.
        RunShutdown.install();
        LauncherWatch.start();
        DevToolsWarnings.toLogFile();
    }

    private BrowserSessions() {
    }

    /** This thread's browser for the run's own settings. */
    public static BrowserSession current() {
        return current(Settings.current());
    }

    /**
     * This thread's browser for these settings (a suite may name another browser or device per test
     * block), started or restarted as needed. A thread keeps one browser at a time: switching to
     * another browser or device quits the old one, so memory stays bounded by the thread count.
     * A browser that cannot run here fails fast with the same reason for every later test.
     */
    public static BrowserSession current(Settings settings) {
        var session = CURRENT.get();
        if (session != null && !sameBrowser(session.settings(), settings)) {
            discard(session);
            session = null;
        }
        if (session != null && session.keepsCredentials()) {
            // No test may start with another test's way in: the only way to empty that cache is a new browser.
            log.debug("the browser of {} keeps HTTP credentials a challenge check gave it; starting a fresh one", Thread.currentThread().getName());
            discard(session);
            session = null;
        }
        if (session != null && !session.isAlive()) {
            log.info("the browser of {} stopped answering; starting a fresh one", Thread.currentThread().getName());
            discard(session);
            session = null;
        }
        if (session == null) {
            if (RunShutdown.stopping()) {
                throw new BrowserUnavailableException("the run is stopping (interrupted): no new browser is started");
            }
            var key = settings.browser().key() + (settings.gridUrl().isPresent() ? "@grid" : "");
            var known = UNAVAILABLE.get(key);
            if (known != null) {
                throw new BrowserUnavailableException(known);
            }
            log.debug("starting {} ({}{}) for {}", settings.browser().key(), settings.device(),
                    settings.gridUrl().isPresent() ? ", on the Grid" : "", Thread.currentThread().getName());
            try {
                session = BrowserSession.start(settings);
            } catch (BrowserUnavailableException e) {
                UNAVAILABLE.put(key, e.getMessage());
                throw e;
            }
            log.debug("started for {}: {}; statuses learned by {}", Thread.currentThread().getName(), session.description(), session.traffic().method());
            CURRENT.set(session);
            ALL.add(session);
            SEEN.putIfAbsent(settings.browser().key() + " " + settings.device().key(),
                    session.description() + "; statuses learned by " + session.traffic().method());
        }
        return session;
    }

    /**
     * A new browser in place of {@code unusable} (quit, its processes ended): this thread's browser
     * from now on, with the same settings.
     */
    public static BrowserSession replace(BrowserSession unusable) {
        discard(unusable);
        return current(unusable.settings());
    }

    private static boolean sameBrowser(Settings a, Settings b) {
        return a.browser() == b.browser() && a.device() == b.device() && a.gridUrl().equals(b.gridUrl());
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

    /**
     * A step for the end of the run, after every browser is gone: also when the run is interrupted
     * (Ctrl-C, a cancelled build), when it is the last thing that runs.
     */
    public static void atEndOfRun(Runnable step) {
        RunShutdown.after(step);
    }

    /** Every browser still open, handed over to the end of the run (which quits them itself, bounded in time). */
    static java.util.List<BrowserSession> takeAll() {
        var sessions = java.util.List.copyOf(ALL);
        ALL.removeAll(sessions);
        return sessions;
    }

    /** Every browser and device this run started, with how it ran and how statuses were learned (for the report). */
    public static Map<String, String> seen() {
        return Map.copyOf(SEEN);
    }

    /** Every browser this run could not start, with the reason (for the report). */
    public static Map<String, String> unavailable() {
        return Map.copyOf(UNAVAILABLE);
    }

    private static void discard(BrowserSession session) {
        ALL.remove(session);
        if (CURRENT.get() == session) {
            CURRENT.remove();
        }
        session.quit();
    }
}
