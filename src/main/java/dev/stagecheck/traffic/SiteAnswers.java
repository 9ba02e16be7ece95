package dev.stagecheck.traffic;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.url.SafeUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether the site under test still answers: the run's one rule for "the site went down". A page
 * of the site that got no answer on the connection (refused, reset, unreachable, silent) is
 * confirmed with one cheap request to the site's base URL, so one broken page never passes for a
 * dead site; when that fails too the site is down. From then on every check asks again before it
 * starts (a refused connection costs nothing) and fails with the same one line instead of waiting
 * out its page timeouts. The first answer clears the state: a site that comes back is checked normally.
 */
public final class SiteAnswers {
    private static final Logger log = LoggerFactory.getLogger(SiteAnswers.class);
    /** The confirming request is one line of evidence, not a page: it need not wait out a long http.timeout. */
    private static final Duration PROBE_AT_MOST = Duration.ofSeconds(5);
    /** What Chromium says when no HTTP answer came at all (not an error page the server sent). */
    private static final List<String> NO_CONNECTION = List.of("ERR_CONNECTION_REFUSED", "ERR_CONNECTION_RESET", "ERR_CONNECTION_CLOSED",
            "ERR_CONNECTION_FAILED", "ERR_CONNECTION_TIMED_OUT", "ERR_EMPTY_RESPONSE", "ERR_ADDRESS_UNREACHABLE", "ERR_NAME_NOT_RESOLVED",
            "ERR_INTERNET_DISCONNECTED", "ERR_TIMED_OUT");

    private record Down(String url, String reason) {}

    private static volatile Down down;

    private SiteAnswers() {
    }

    /** True for a browser error that means no answer came on the connection at all. */
    public static boolean isNoConnection(String error) {
        return error != null && NO_CONNECTION.stream().anyMatch(error::contains);
    }

    /**
     * After {@code url} got no answer ({@code error}): when it is the site's and the site's base URL
     * does not answer either, the site is down from now on and this throws its one line.
     */
    public static void afterNoAnswer(String url, String error, Duration timeout) {
        if (!isNoConnection(error) || !TargetSite.isSameOrigin(url)) {
            return;
        }
        probe(timeout).ifPresent(reason -> {
            down = new Down(SafeUrl.of(url), reason);
            log.warn("the site stopped answering at {} ({}): the remaining checks fail at once", SafeUrl.of(url), reason);
            throw stopped(down);
        });
    }

    /**
     * After a check failed in the browser (a wait that found nothing, a raw browser error): the line
     * that the site stopped answering, when it did, so the cause is named instead of the symptom.
     */
    public static Optional<String> stoppedDuring(String url, Duration timeout) {
        var known = down;
        if (known != null) {
            return Optional.of(stopped(known).getMessage());
        }
        var reason = probe(timeout);
        reason.ifPresent(why -> down = new Down(SafeUrl.of(url), why));
        return reason.map(why -> stopped(new Down(SafeUrl.of(url), why)).getMessage());
    }

    /** Before a check starts: throws the one line while the site is down, asking it once more first. */
    public static void requireAnswering(Duration timeout) {
        var known = down;
        if (known == null) {
            return;
        }
        var reason = probe(timeout);
        if (reason.isPresent()) {
            throw stopped(new Down(known.url(), reason.get()));
        }
        log.info("the site answers again at {}", SafeUrl.of(TargetSite.baseUrl().toString()));
        down = null;
    }

    /** Why the site's base URL got no answer; empty when any HTTP answer came (whatever its status). */
    private static Optional<String> probe(Duration timeout) {
        var base = TargetSite.baseUrl().toString();
        try {
            new HttpProbe(timeout.compareTo(PROBE_AT_MOST) < 0 ? timeout : PROBE_AT_MOST).get(base);
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(HttpProbe.reason(e.getCause() == null ? e : e.getCause()));
        }
    }

    private static SiteStoppedAnswering stopped(Down state) {
        return new SiteStoppedAnswering("the site stopped answering at " + state.url() + " (" + state.reason() + " at "
                + SafeUrl.of(TargetSite.baseUrl().toString()) + "): check that it is up, then run again");
    }
}
