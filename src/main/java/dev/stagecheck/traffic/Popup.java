package dev.stagecheck.traffic;

import dev.stagecheck.url.SafeUrl;

/**
 * A new window or tab a page asked for ({@code window.open}, a {@code target=_blank} link that was
 * clicked): where it would have gone, and whether a user's click asked for it. Without a click the
 * browser's popup blocker keeps it from opening, as in a visitor's browser; its address is still
 * checked like a link.
 */
public record Popup(String url, boolean userGesture) {

    public Popup {
        url = url == null ? "" : url;
    }

    /** The address as reports may show it (no user:password, secret values masked). */
    public String shownUrl() {
        return SafeUrl.of(url);
    }
}
