package dev.stagecheck.traffic;

import java.util.Optional;

/**
 * Learns the status of what the browser loads and records it in {@link Traffic}. Browsers that
 * speak DevTools report every response themselves; the others are asked around each navigation.
 */
public interface NetworkWitness extends AutoCloseable {

    /**
     * Called before the browser goes to a known URL. A non-empty answer means the browser must not
     * go there (it would open a login dialog no automation can close, or save a download and report
     * no page) and this is the page's answer.
     */
    default Optional<Exchange> beforeNavigation(String url) {
        return Optional.empty();
    }

    /** A form about to be sent: its method and the URL it goes to (resolved). */
    record Submission(String method, String action) {}

    /** Called before the kit sends a form, so a witness that asks the server itself never repeats a POST as a GET. */
    default void beforeSubmit(Submission form) {
    }

    /** Called once a navigation has settled: the moment to learn what the page answered. */
    default void afterNavigation() {
    }

    /**
     * True when the browser can be made to answer an authentication challenge itself, with
     * credentials the kit gives it (through DevTools); then {@link #answeringChallenges} works.
     */
    default boolean answersChallenges() {
        return false;
    }

    /** Runs {@code action} while the browser answers the challenges {@code credentials} are for (and cancels every other). */
    default void answeringChallenges(ChallengeCredentials credentials, Runnable action) {
        throw new IllegalStateException("this browser cannot be given credentials for a challenge: ask answersChallenges() first");
    }

    /** Forgets in-flight requests of the previous test. */
    void forget();

    @Override
    void close();
}
