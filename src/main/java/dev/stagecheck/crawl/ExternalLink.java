package dev.stagecheck.crawl;

import java.util.Optional;

/** A link to another site, checked with a plain HTTP request (not crawled). */
public record ExternalLink(String url, String from, int status, Optional<String> error) {
    /** The note of a link not checked at all (this machine resolves no host name): no status, and no fault of the site. */
    public static final String NOT_CHECKED = "not checked: ";

    public boolean checked() {
        return error.map(note -> !note.startsWith(NOT_CHECKED)).orElse(true);
    }

    public boolean broken() {
        return checked() && (status == 0 || status >= 400);
    }
}
