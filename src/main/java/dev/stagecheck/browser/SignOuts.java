package dev.stagecheck.browser;

import dev.stagecheck.config.OneLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How to end each server session a browser signed in to (a login), in order. They run before the
 * next test's reset and when the browser quits, so no session the checklist opened stays valid.
 */
final class SignOuts {
    private static final Logger log = LoggerFactory.getLogger(SignOuts.class);
    private final List<Runnable> pending = new CopyOnWriteArrayList<>();
    /** The profile file, named when a session cannot be ended (its logout keys are what to check). */
    private final String profileFile;

    SignOuts(String profileFile) {
        this.profileFile = profileFile;
    }

    void add(Runnable signOut) {
        pending.add(signOut);
    }

    /** True while a session is still to be ended. */
    boolean any() {
        return !pending.isEmpty();
    }

    /** Forgets a sign-out that is not needed any more (the test logged out itself). */
    void remove(Runnable signOut) {
        pending.remove(signOut);
    }

    /** Gives up the sessions of a browser that can take no more commands (its page hung or crashed), saying so once. */
    void abandon() {
        if (!pending.isEmpty()) {
            log.info("{} session(s) the checklist signed in to could not be ended (the browser's page hung or crashed): they stay"
                    + " valid on the server until they expire", pending.size());
        }
        pending.clear();
    }

    /** Ends every session, oldest first; one that cannot be ended says so in one line. */
    void endAll() {
        var due = List.copyOf(pending);
        pending.clear();
        if (!due.isEmpty()) {
            log.debug("ending {} session(s) the checklist signed in to", due.size());
        }
        for (var signOut : due) {
            try {
                signOut.run();
            } catch (RuntimeException | AssertionError e) {
                log.info("a session the checklist signed in to could not be ended ({}): it stays valid on the server until"
                        + " it expires; check logout.url or logout.link in {}", OneLine.of(e.getMessage()), profileFile);
            }
        }
    }
}
