package dev.stagecheck.access;

import dev.stagecheck.traffic.Challenge;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What one URL answered one role: its own first status (a redirect is not followed in this
 * reading), where a redirect led, the challenges of a 401, and whether the page showed the marker
 * the matrix asks for (empty where none was asked or nothing was shown, as for a plain HTTP API).
 */
public record Observed(int status, Optional<String> redirectedTo, List<String> challenges, Optional<Boolean> markerShown) {

    /** "200", "303 to /login", "401 Basic realm=\"Admin Area\"", "no answer". */
    public String describe() {
        if (status == 0) {
            return "no answer";
        }
        var text = new StringBuilder(Integer.toString(status));
        redirectedTo.ifPresent(to -> text.append(" to ").append(pathOf(to)));
        if (!challenges.isEmpty()) {
            text.append(" ").append(Challenge.shown(challenges));
        } else if (status == 401) {
            text.append(" without a challenge");
        }
        markerShown.filter(shown -> !shown).ifPresent(shown -> text.append(" without the marker"));
        return text.toString();
    }

    /** The first challenge of this scheme, parsed; empty when there is none or it cannot be read. */
    Optional<Challenge> challenge(String scheme) {
        try {
            return Challenge.parseAll(challenges).stream().filter(c -> c.isScheme(scheme)).findFirst();
        } catch (Challenge.MalformedChallengeException e) {
            return Optional.empty();
        }
    }

    /** The path of a URL (a Location may be relative): what "the login page" is compared by. */
    static String pathOf(String url) {
        try {
            var path = URI.create(url.strip()).getPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
