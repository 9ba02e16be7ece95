package dev.stagecheck.traffic;

import dev.stagecheck.devtools.DevToolsConnection;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers every HTTP authentication challenge the browser meets with "cancel", as a user closing
 * the login dialog would: the 401 then arrives as a response like any other. Unanswered, a 401
 * challenge on a sub-resource makes Chromium wait for credentials that never come, and the page
 * never finishes loading. The browser asks only once the Fetch domain is enabled with
 * {@code handleAuthRequests} (the CDP witness does that).
 *
 * <p>One exception, for the check that the right credentials get in where the browser must answer
 * the challenge itself (Digest: the answer depends on the server's nonce, no header can be set in
 * advance): while {@link #answering} runs, a challenge that those credentials are for (origin,
 * area, scheme, realm) is answered with them, once per URL; asked again for the same URL, the
 * server refused them, and the dialog is cancelled so the refusal arrives as the 401 it is.
 */
final class AuthDialogCanceller {
    private final DevToolsConnection cdp;
    private volatile ChallengeCredentials offered;
    /** URLs already answered with the offered credentials during this check. */
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    private AuthDialogCanceller(DevToolsConnection cdp) {
        this.cdp = cdp;
    }

    static AuthDialogCanceller attach(DevToolsConnection cdp) {
        var canceller = new AuthDialogCanceller(cdp);
        cdp.on("Fetch.authRequired", canceller::onAuthRequired);
        return canceller;
    }

    /** Runs {@code action} with the browser answering the challenges {@code credentials} are for; everything else stays cancelled. */
    void answering(ChallengeCredentials credentials, Runnable action) {
        answered.clear();
        offered = credentials;
        try {
            action.run();
        } finally {
            offered = null;
            answered.clear();
        }
    }

    private void onAuthRequired(Map<String, Object> event) {
        var requestId = event.get("requestId") == null ? "" : String.valueOf(event.get("requestId"));
        var url = text(map(event.get("request")).get("url"));
        var challenge = map(event.get("authChallenge"));
        var credentials = offered;
        var answer = credentials != null && "Server".equals(text(challenge.get("source")))
                && credentials.answer(url, text(challenge.get("scheme")), text(challenge.get("realm")))
                && answered.add(url);
        var response = answer
                ? Map.<String, Object>of("response", "ProvideCredentials", "username", credentials.username().value(),
                        "password", credentials.password().value())
                : Map.<String, Object>of("response", "CancelAuth");
        cdp.sendQuietly("Fetch.continueWithAuth", Map.of("requestId", requestId, "authChallengeResponse", response));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
