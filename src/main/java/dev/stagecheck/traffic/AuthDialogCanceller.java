package dev.stagecheck.traffic;

import dev.stagecheck.devtools.DevToolsConnection;

import java.util.Map;

/**
 * Answers every HTTP authentication challenge the browser meets with "cancel", as a user closing
 * the login dialog would: the 401 then arrives as a response like any other. Unanswered, a 401
 * challenge on a sub-resource makes Chromium wait for credentials that never come, and the page
 * never finishes loading. The browser asks only once the Fetch domain is enabled with
 * {@code handleAuthRequests} (the CDP witness does that).
 */
final class AuthDialogCanceller {
    private AuthDialogCanceller() {
    }

    static void attach(DevToolsConnection cdp) {
        cdp.on("Fetch.authRequired", event -> cdp.sendQuietly("Fetch.continueWithAuth", Map.of(
                "requestId", event.get("requestId") == null ? "" : String.valueOf(event.get("requestId")),
                "authChallengeResponse", Map.of("response", "CancelAuth"))));
    }
}
