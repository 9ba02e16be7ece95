package dev.stagecheck.traffic;

import dev.stagecheck.safety.Refusal;
import dev.stagecheck.url.SafeUrl;

import java.util.List;
import java.util.Optional;

/**
 * One HTTP response the browser received: what was asked, what came back, and the page that led
 * there (the referring page for a document, the embedding document for a sub-resource).
 * URLs are stored already made safe by {@link SafeUrl}.
 *
 * @param status  the HTTP status, or 0 when no response arrived (see {@code error})
 * @param type     the browser's resource type: Document, Stylesheet, Script, Image, XHR, Fetch ...
 * @param topLevel the document of the tab itself (not of an iframe)
 * @param fromCache the browser answered it from its own cache: the server was not asked (only a
 *                  witness that sees the browser's events can tell; the others say false)
 */
public record Exchange(String method, String url, int status, String type, boolean topLevel, String page,
                       List<String> challenges, Optional<String> error, boolean fromCache) {

    public Exchange {
        url = SafeUrl.of(url);
        page = SafeUrl.of(page);
        challenges = List.copyOf(challenges);
    }

    /** A response that reached the server (or that no witness could tell came from the cache). */
    public Exchange(String method, String url, int status, String type, boolean topLevel, String page,
                    List<String> challenges, Optional<String> error) {
        this(method, url, status, type, topLevel, page, challenges, error, false);
    }

    public boolean isDocument() {
        return "Document".equalsIgnoreCase(type);
    }

    /** A page the user navigated to: the tab's own document, not an iframe's. */
    public boolean isPage() {
        return isDocument() && topLevel;
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }

    /** Prefix of the note of an exchange whose status the kit could not learn without acting (a POST's result). */
    public static final String UNKNOWN = "status unknown: ";

    /** A page the kit did not let the browser open, or a POST's result it would not fetch again: no status, and no fault. */
    public boolean isUnknown() {
        return status == 0 && error.map(note -> note.startsWith(UNKNOWN) || Refusal.isNote(note)).orElse(false);
    }

    /** No answer, or an error answer (4xx, 5xx): the one rule of what a failed load is. */
    public boolean isFailed() {
        return !isUnknown() && (status == 0 || status >= 400);
    }

    /** The WWW-Authenticate header lines as one readable string ("" when none). */
    public String challengeText() {
        return String.join(" | ", challenges);
    }

    public String statusText() {
        return status == 0 ? error.orElse("no response") : Integer.toString(status) + error.map(e -> " (" + e + ")").orElse("");
    }

    /** "401 GET http://x/admin/ (Document) from http://x/" : the shape failure messages use. */
    public String describe() {
        return statusText() + " " + method + " " + url + " (" + type + ") from " + (page.isEmpty() ? "(typed URL)" : page)
                + (challenges.isEmpty() ? "" : " challenge: " + challengeText())
                + (fromCache ? " (from the browser's cache, not the server)" : "");
    }
}
