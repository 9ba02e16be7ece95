package dev.stagecheck.verdict;

import dev.stagecheck.url.SafeUrl;

/**
 * One problem found: its kind, where (URL), the page that led there, and the evidence.
 * URLs are made safe for reports on the way in.
 */
public record Finding(FindingKind kind, String url, String from, String evidence) {

    public Finding {
        url = SafeUrl.of(url);
        from = from == null || from.isBlank() ? "(start)" : SafeUrl.of(from);
    }

    /** "Unexpected 401: http://x/press (from http://x/company/) document answered 401, challenge Basic realm=..." */
    public String line() {
        return kind.message(url + " (from " + from + ") " + evidence);
    }
}
