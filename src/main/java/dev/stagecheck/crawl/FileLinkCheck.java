package dev.stagecheck.crawl;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.OneLine;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.HttpProbe;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a file link (a download) without sending the browser there: a plain HTTP request with the
 * browser's cookies that reads the status, not the file, following redirects one hop at a time,
 * each hop under the safety policy as every probe of the kit is. The answer is recorded in the
 * browser's traffic like a page's, noted as a file link, so the one rule judges it.
 */
final class FileLinkCheck {
    /** Where browsers give up following redirects (Chromium's limit). */
    private static final int MAX_REDIRECTS = 20;

    private final HttpProbe probe;

    FileLinkCheck(Duration timeout) {
        this.probe = new HttpProbe(timeout);
    }

    /** The file link's answer: its final status, or why there is none. */
    Exchange check(BrowserSession session, String url, String from) {
        var traffic = session.traffic();
        var current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            var refusal = session.safety().probe(current);
            if (refusal.isPresent()) {
                // A redirect to a link the policy refuses: not followed, as the browser is kept away from it.
                traffic.refused(refusal.get(), from);
                return record(session, document(current, from, 0, List.of(), Optional.of(refusal.get().note())));
            }
            HttpProbe.Answer answer;
            try {
                traffic.probed();
                var cookies = session.cookieHeader(current);
                answer = probe.file(current, cookies.isEmpty() ? Map.of() : Map.of("Cookie", cookies));
            } catch (ConfigException e) {
                return record(session, document(current, from, 0, List.of(), Optional.of("no answer: " + OneLine.of(e.getMessage()))));
            }
            var status = answer.status();
            var locations = answer.header("Location");
            var note = Exchange.redirectNote(status, locations);
            if (status < 300 || status >= 400 || status == 304 || note.isPresent()) {
                return record(session, document(current, from, status, answer.challenges(), note.or(() -> Optional.of(Exchange.FILE))));
            }
            try {
                current = URI.create(current).resolve(locations.get(0).trim()).toString();
            } catch (IllegalArgumentException e) {
                return record(session, document(current, from, status, answer.challenges(),
                        Optional.of("Location '" + OneLine.of(locations.get(0)) + "' is not a URL")));
            }
        }
        return record(session, document(url, from, 0, List.of(), Optional.of("ERR_TOO_MANY_REDIRECTS: more than " + MAX_REDIRECTS)));
    }

    private static Exchange record(BrowserSession session, Exchange answer) {
        session.traffic().record(answer);
        return answer;
    }

    private static Exchange document(String url, String from, int status, List<String> challenges, Optional<String> note) {
        return new Exchange("GET", url, status, "Document", true, from, challenges, note);
    }
}
