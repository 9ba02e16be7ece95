package dev.stagecheck.crawl;

import dev.stagecheck.url.SafeUrl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises a crawl trap of near-duplicate URLs: more than {@link #ALLOWED} same-site links with one
 * path and one query that differ only by its numbers. Those are usually one page shown again (a
 * counter, a session or cache-busting number, an endless "next" link), not new pages; the first
 * {@link #ALLOWED} are crawled like any page, the rest are counted and reported once as a possible
 * trap. A real pagination longer than that is reported too: accept the finding for it.
 * Not thread-safe: the crawl's frontier calls it under its own lock.
 */
final class NearDuplicates {
    static final int ALLOWED = 20;
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Map<String, Space> spaces = new LinkedHashMap<>();

    private static final class Space {
        final String example;
        int crawled;
        int skipped;
        String from = "";

        Space(String example) {
            this.example = example;
        }
    }

    /** True when {@code url} may be queued; false when it is one near-duplicate too many (then counted). */
    boolean admit(String url, String from) {
        var pattern = pattern(url);
        if (pattern == null) {
            return true;
        }
        var space = spaces.computeIfAbsent(pattern, key -> new Space(url));
        if (space.crawled < ALLOWED) {
            space.crawled++;
            return true;
        }
        if (space.skipped++ == 0) {
            space.from = from;
        }
        return false;
    }

    List<CrawlTrap> traps() {
        var traps = new ArrayList<CrawlTrap>();
        spaces.forEach((pattern, space) -> {
            if (space.skipped > 0) {
                traps.add(new CrawlTrap(pattern, SafeUrl.of(space.example), SafeUrl.of(space.from), space.crawled, space.skipped));
            }
        });
        return traps;
    }

    /** The URL with the numbers of its query as N; null when its query has no number (nothing to tell apart). */
    static String pattern(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        var query = uri.getRawQuery();
        if (query == null || !NUMBER.matcher(query).find()) {
            return null;
        }
        var base = url.substring(0, url.indexOf('?'));
        return SafeUrl.of(base + "?" + NUMBER.matcher(query).replaceAll("N"));
    }
}
