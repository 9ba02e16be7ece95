package dev.stagecheck.traffic;

import dev.stagecheck.url.SafeUrl;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Basic credentials a typed URL carried ({@code https://user:pass@host/admin/}), and the URL
 * prefix they cover: a browser keeps sending them below that path (a protection space), though
 * the URLs it shows no longer carry them. The witnesses that ask or relay for the browser send them
 * where it would.
 */
record TypedCredentials(String prefix, String authorization) {

    /** The credentials of a URL with user-info, or empty for one without. */
    static Optional<TypedCredentials> of(String url) {
        var userInfo = URI.create(url).getRawUserInfo();
        if (userInfo == null) {
            return Optional.empty();
        }
        var plain = SafeUrl.withoutUserInfo(url);
        return Optional.of(new TypedCredentials(plain.substring(0, plain.lastIndexOf('/') + 1), basic(userInfo)));
    }

    /** True for a URL (without user-info) below the prefix. */
    boolean cover(String url) {
        return url.startsWith(prefix);
    }

    /** {@code Basic base64(user:password)} of a URL's percent-encoded user-info ("+" is a plus there, not a space). */
    static String basic(String rawUserInfo) {
        var decoded = URLDecoder.decode(rawUserInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
    }
}
