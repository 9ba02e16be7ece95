package dev.stagecheck.url;

import java.util.Locale;
import java.util.Set;

/**
 * The browser's own addresses: its built-in pages and components (the PDF viewer, settings, error
 * pages), never the site's. Their requests, scripts and errors are the browser's business: a check
 * that charged them to the page shown around them would report a fault the site does not have.
 */
public final class BrowserOwnUrl {
    private static final Set<String> SCHEMES = Set.of("chrome", "chrome-extension", "chrome-untrusted", "chrome-error",
            "devtools", "edge", "edge-extension", "moz-extension", "resource", "safari-extension");

    private BrowserOwnUrl() {
    }

    /** Whether the address (a URL or a security origin) is one of the browser's own. */
    public static boolean is(String url) {
        var colon = url == null ? -1 : url.indexOf(':');
        return colon > 0 && SCHEMES.contains(url.substring(0, colon).toLowerCase(Locale.ROOT));
    }
}
