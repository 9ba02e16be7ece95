package dev.stagecheck.traffic;

import dev.stagecheck.safety.Refusal;
import dev.stagecheck.url.SafeUrl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /**
     * A step on the way to the page: a 3xx the browser follows. A 3xx that carries a note (no usable
     * {@code Location}, a redirect the browser refused) is where the load ended: the page's answer.
     */
    public boolean isRedirect() {
        return status >= 300 && status < 400 && error.isEmpty();
    }

    /** The note of a 3xx that names no usable {@code Location}: nothing can follow it, so it is the final answer. */
    public static final String NO_LOCATION = "no usable Location header";

    /**
     * The note a 3xx answer needs from the headers it came with: {@link #NO_LOCATION} when no
     * {@code Location} names, as a URL, where to go (a 304 is an answer from the cache, not a redirect).
     */
    public static Optional<String> redirectNote(int status, List<String> locations) {
        var redirect = status >= 300 && status < 400 && status != 304;
        return redirect && locations.stream().noneMatch(Exchange::usable) ? Optional.of(NO_LOCATION) : Optional.empty();
    }

    /**
     * The note an answer needs from its headers ({@code header} looks one up by name): a redirect
     * that names no usable Location, or how long a 429 asks the visitor to wait.
     */
    public static Optional<String> noteOf(int status, java.util.function.Function<String, List<String>> header) {
        return redirectNote(status, header.apply("Location")).or(() -> retryNote(status, header.apply("Retry-After")));
    }

    /** How the note of an answer that asks the visitor to come back later starts ("Retry-After: 2 s"). */
    public static final String RETRY_AFTER = "Retry-After: ";

    /**
     * The note a 429 (or 503) needs from its {@code Retry-After} header, in seconds from now (the
     * header gives seconds or an HTTP date); empty without a header the kit can read.
     */
    static Optional<String> retryNote(int status, List<String> retryAfter) {
        if ((status != 429 && status != 503) || retryAfter.isEmpty()) {
            return Optional.empty();
        }
        var value = retryAfter.get(0).trim();
        try {
            return Optional.of(RETRY_AFTER + Math.max(0, Long.parseLong(value)) + " s");
        } catch (NumberFormatException notSeconds) {
            try {
                var at = java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(RETRY_AFTER + Math.max(0, java.time.Duration.between(java.time.Instant.now(), at.toInstant()).toSeconds()) + " s");
            } catch (java.time.format.DateTimeParseException neither) {
                return Optional.empty();
            }
        }
    }

    /** How long the server asked to wait before asking again (a 429's or 503's {@code Retry-After}). */
    public Optional<java.time.Duration> retryAfter() {
        return retryAfter(error);
    }

    /** The wait a note of {@link #noteOf} names, if it names one. */
    public static Optional<java.time.Duration> retryAfter(Optional<String> note) {
        return note.filter(text -> text.startsWith(RETRY_AFTER))
                .map(text -> java.time.Duration.ofSeconds(Long.parseLong(text.substring(RETRY_AFTER.length()).replaceAll("\\D.*", ""))));
    }

    /** A Location a browser can follow: a URL once the characters browsers escape themselves (spaces, non-ASCII) are escaped. */
    private static boolean usable(String location) {
        if (location.isBlank()) {
            return false;
        }
        var escaped = new StringBuilder();
        for (var b : location.trim().getBytes(StandardCharsets.UTF_8)) {
            var c = b & 0xff;
            escaped.append(c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0 ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        try {
            URI.create(escaped.toString());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The note of a file link: a document the browser does not show as a page (an attachment, a
     * type it downloads) or one the kit checked with a plain HTTP request instead. Its status is
     * judged like any other; it has no title and no links.
     */
    public static final String FILE = "file link, not shown as a page";

    public boolean isFile() {
        return error.filter(FILE::equals).isPresent();
    }

    /** This answer, noted as a file link (a navigation that became a download). */
    public Exchange asFile() {
        return withError(FILE);
    }

    /** This answer with a note of what went wrong with it. */
    public Exchange withError(String note) {
        return new Exchange(method, url, status, type, topLevel, page, challenges, Optional.of(note), fromCache);
    }

    /** The browser's word for an answer that ended before its Content-Length (or its last chunk) came. */
    public static boolean isCutShort(String note) {
        return note.contains("ERR_CONTENT_LENGTH_MISMATCH") || note.contains("ERR_INCOMPLETE_CHUNKED_ENCODING");
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

    /** No answer, an error answer (4xx, 5xx), or one cut short: the one rule of what a failed load is. */
    public boolean isFailed() {
        return !isUnknown() && (status == 0 || status >= 400 || error.filter(Exchange::isCutShort).isPresent());
    }

    /** The WWW-Authenticate header lines as one readable string ("" when none), one-time values masked. */
    public String challengeText() {
        return Challenge.shown(challenges);
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
