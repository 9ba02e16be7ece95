package dev.stagecheck.browser;

import dev.stagecheck.devtools.DevToolsConnection;

import java.util.Map;
import java.util.Optional;

/** Extra request headers (an Authorization header) on the browser's own requests, for one action: DevTools only. */
final class ExtraHeaders {
    private final Optional<DevToolsConnection> cdp;

    ExtraHeaders(Optional<DevToolsConnection> cdp) {
        this.cdp = cdp;
    }

    boolean possible() {
        return cdp.isPresent();
    }

    /** Sends the headers with every request {@code action} makes the browser send, then stops. */
    void during(Map<String, String> headers, Runnable action) {
        var connection = cdp.orElseThrow(() -> new IllegalStateException("no DevTools: ask canSendHeaders() first"));
        connection.send("Network.setExtraHTTPHeaders", Map.of("headers", Map.copyOf(headers)));
        try {
            action.run();
        } finally {
            connection.send("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }
}
