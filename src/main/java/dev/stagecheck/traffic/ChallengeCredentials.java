package dev.stagecheck.traffic;

import dev.stagecheck.config.SecretRef;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A user name and password the browser may give when a site challenges it, and exactly where:
 * one origin, the path below the protected URL's directory, one auth scheme and (when the profile
 * names it) one realm. A challenge anywhere else, or for another scheme (a Basic challenge where
 * Digest was declared would carry the password in clear), is still cancelled. Shows no secret.
 */
public record ChallengeCredentials(String origin, String pathPrefix, String scheme, Optional<String> realm,
                                   SecretRef username, SecretRef password) {

    /** Credentials for the area of {@code url}: its origin, and every path below its directory. */
    public static ChallengeCredentials forArea(String url, String scheme, Optional<String> realm, SecretRef username, SecretRef password) {
        var uri = URI.create(url);
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new ChallengeCredentials(origin(uri), path.substring(0, path.lastIndexOf('/') + 1), scheme, realm, username, password);
    }

    /** Whether a challenge of {@code challengeScheme} and {@code challengeRealm} met on {@code url} is for these credentials. */
    public boolean answer(String url, String challengeScheme, String challengeRealm) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return origin.equals(origin(uri)) && path.startsWith(pathPrefix) && scheme.equalsIgnoreCase(challengeScheme)
                && realm.map(expected -> expected.equals(challengeRealm)).orElse(true);
    }

    private static String origin(URI uri) {
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        var port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }

    @Override
    public String toString() {
        return scheme + " credentials " + username + " for " + origin + pathPrefix;
    }
}
