package dev.stagecheck.config;

import java.util.List;
import java.util.Optional;

/**
 * What a protected URL or an API must send with its 401: a {@code WWW-Authenticate} challenge of
 * this scheme (and realm, when the profile names one), or, for sites that truly send none, nothing:
 * {@code none}. RFC 9110 requires a challenge with every 401, so {@code none} is accepted but always
 * reported as a warning, never silently.
 */
public record ExpectedChallenge(Optional<String> scheme, Optional<String> realm) {
    /**
     * The IANA HTTP Authentication Scheme Registry (plus AWS's signature scheme, common on APIs),
     * in its own spelling. A scheme outside it is far more likely a typo ("Basci") than a site's
     * private scheme, and a typo would fail every run with a confusing "expected scheme" line.
     */
    static final List<String> SCHEMES = List.of("Basic", "Bearer", "Concealed", "Digest", "DPoP", "GNAP", "HOBA", "Mutual",
            "Negotiate", "NTLM", "OAuth", "PrivateToken", "SCRAM-SHA-1", "SCRAM-SHA-256", "vapid", "AWS4-HMAC-SHA256");
    static final String NONE = "none";

    /** True when the site answers 401 without any challenge and the profile says so. */
    public boolean none() {
        return scheme.isEmpty();
    }

    /** "Basic realm=\"Admin Area\"", "Bearer" or "no challenge", for messages. */
    public String describe() {
        return scheme.map(s -> s + realm.map(r -> " realm=\"" + r + "\"").orElse("")).orElse("no challenge");
    }

    static ExpectedChallenge read(ProfileReader reader, String prefix, String defaultScheme) {
        var key = prefix + "challenge";
        var value = reader.orDefault(key, defaultScheme);
        var realm = reader.optional(prefix + "realm");
        if (value.equalsIgnoreCase(NONE)) {
            if (realm.isPresent()) {
                throw new ConfigException(reader.origin(key) + ": key " + key + " = 'none' (no challenge) and key " + prefix
                        + "realm cannot both hold: a realm is part of a challenge; drop one of them");
            }
            return new ExpectedChallenge(Optional.empty(), Optional.empty());
        }
        var scheme = SCHEMES.stream().filter(known -> known.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> reader.malformed(key, value, "an auth scheme (" + String.join(", ", SCHEMES)
                        + ") or none (the site sends no WWW-Authenticate; accepted with a warning)"));
        return new ExpectedChallenge(Optional.of(scheme), realm);
    }
}
