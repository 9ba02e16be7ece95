package dev.stagecheck;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.traffic.HttpProbe;
import dev.stagecheck.url.SafeUrl;

import java.net.URI;
import java.util.List;

/**
 * The preflight's look at the start pages (base.url joined with each of start.urls): one that
 * answers 4xx or 5xx, after its redirects, stops the run before any browser starts. Otherwise every
 * test would run into the same error page (or wait out its timeouts there) and the run would say
 * the same thing many times, slowly. A 401 does not stop it: an unexpected 401 is what the checklist
 * is there to report, page by page, with the challenge it came with.
 */
final class StartPages {
    /** More hops than a sane site needs (a browser gives up at 20): a chain this long is the problem itself. */
    private static final int MAX_REDIRECTS = 10;

    private final HttpProbe probe;

    StartPages(HttpProbe probe) {
        this.probe = probe;
    }

    /** Throws {@link ConfigException} naming the first start page that answers an error. */
    void check(URI baseUrl, List<String> startUrls) {
        for (var start : startUrls) {
            check(join(baseUrl, start));
        }
    }

    private void check(String start) {
        var url = start;
        for (var hop = 0; hop <= MAX_REDIRECTS; hop++) {
            var answer = probe.get(url);
            var status = answer.status();
            var location = answer.header("Location");
            if (status >= 300 && status < 400 && !location.isEmpty()) {
                try {
                    url = URI.create(url).resolve(location.get(0).strip()).toString();
                    continue;
                } catch (IllegalArgumentException e) {
                    return; // A Location no browser can follow: the checklist names it (Redirect without Location).
                }
            }
            if (status >= 400 && status != 401) {
                var via = url.equals(start) ? "" : " (redirected to " + SafeUrl.of(url) + ")";
                throw new ConfigException("start page " + SafeUrl.of(start) + " answered " + status + via
                        + ": check base.url and start.urls (every check starts there), and that the site is deployed");
            }
            return;
        }
        throw new ConfigException("start page " + SafeUrl.of(start) + " redirects more than " + MAX_REDIRECTS
                + " times (last to " + SafeUrl.of(url) + "): check base.url and start.urls, and the site's redirects");
    }

    /** A profile's start URL as the checks open it: a path joined to base.url, an absolute URL as it is. */
    private static String join(URI baseUrl, String start) {
        if (start.startsWith("http://") || start.startsWith("https://")) {
            return start;
        }
        var base = baseUrl.toString().replaceAll("/+$", "");
        return base + (start.startsWith("/") ? start : "/" + start);
    }
}
