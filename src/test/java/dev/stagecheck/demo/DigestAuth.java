package dev.stagecheck.demo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Digest access authentication as a server does it (RFC 7616), for one realm and one user:
 * the challenge (qop "auth", a nonce, an opaque value, SHA-256) and the check of a client's answer.
 * Written out here rather than borrowed from a client library, so the kit's Digest support is
 * proven against an independent implementation. Nonces are stateless (an expiry time and its
 * HMAC under a key random per site); a nonce's request counter must grow, so an answer cannot be
 * replayed. The password is never compared or logged, only the hash the client proves it with.
 */
final class DigestAuth {

    /** What a request's Authorization header proves. */
    enum Verdict { RIGHT, STALE, WRONG }

    static final String ALGORITHM = "SHA-256";
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final String realm;
    private final String username;
    private final String password;
    private final Clock clock;
    private final SecretKeySpec key = new SecretKeySpec(RandomIds.hex32().getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
    private final String opaque = RandomIds.hex32();
    /** The request counters ("nc") used per nonce of ours still valid: an answer with a counter used before is a replay. */
    private final Map<String, Set<Long>> used = new ConcurrentHashMap<>();

    DigestAuth(String realm, String username, String password, Clock clock) {
        this.realm = realm;
        this.username = username;
        this.password = password;
        this.clock = clock;
    }

    /** The WWW-Authenticate value of a 401: a fresh nonce; {@code stale} says "right password, old nonce: ask again silently". */
    String challenge(boolean stale) {
        return "Digest realm=\"" + realm + "\", qop=\"auth\", algorithm=" + ALGORITHM + ", nonce=\"" + newNonce()
                + "\", opaque=\"" + opaque + "\"" + (stale ? ", stale=true" : "");
    }

    /** The same challenge without its nonce, as a misconfigured server sends it (no client can answer it). */
    String challengeWithoutNonce() {
        return "Digest realm=\"" + realm + "\", qop=\"auth\", algorithm=" + ALGORITHM + ", opaque=\"" + opaque + "\"";
    }

    Verdict verify(Request request) {
        var header = request.header("Authorization").map(String::strip).orElse("");
        if (!header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Verdict.WRONG;
        }
        Map<String, String> params;
        try {
            params = parse(header.substring(7));
        } catch (IllegalArgumentException e) {
            return Verdict.WRONG;
        }
        var target = request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        var nonce = params.getOrDefault("nonce", "");
        var nc = params.getOrDefault("nc", "");
        var cnonce = params.getOrDefault("cnonce", "");
        if (!realm.equals(params.get("realm")) || !opaque.equals(params.get("opaque"))
                || !ALGORITHM.equalsIgnoreCase(params.getOrDefault("algorithm", "MD5"))
                || !"auth".equals(params.get("qop")) || !nc.matches("[0-9a-fA-F]{8}") || cnonce.isEmpty()
                || !target.equals(params.get("uri")) || !Secrets.matches(params.get("username"), username)) {
            return Verdict.WRONG;
        }
        var ha1 = hash(username + ":" + realm + ":" + password);
        var ha2 = hash(request.method() + ":" + params.get("uri"));
        var expected = hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        if (!Secrets.matches(params.getOrDefault("response", "").toLowerCase(Locale.ROOT), expected)) {
            return Verdict.WRONG;
        }
        var expiry = nonceExpiry(nonce);
        if (expiry.isEmpty()) {
            return Verdict.WRONG;
        }
        if (expiry.get() < clock.millis()) {
            return Verdict.STALE;
        }
        used.keySet().removeIf(old -> nonceExpiry(old).map(e -> e < clock.millis()).orElse(true));
        var fresh = used.computeIfAbsent(nonce, n -> ConcurrentHashMap.newKeySet()).add(Long.parseLong(nc, 16));
        return fresh ? Verdict.RIGHT : Verdict.WRONG;
    }

    private String newNonce() {
        var expiry = clock.millis() + NONCE_LIFETIME.toMillis();
        var bytes = ByteBuffer.allocate(8 + 16).putLong(expiry).put(mac(expiry), 0, 16).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The expiry time a nonce of ours carries, or empty for one we did not issue. */
    private Optional<Long> nonceExpiry(String nonce) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != 24) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(bytes);
        var expiry = buffer.getLong();
        var presented = new byte[16];
        buffer.get(presented);
        var expected = new byte[16];
        System.arraycopy(mac(expiry), 0, expected, 0, 16);
        return MessageDigest.isEqual(presented, expected) ? Optional.of(expiry) : Optional.empty();
    }

    private byte[] mac(long expiry) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(ByteBuffer.allocate(8).putLong(expiry).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The auth-params of a Digest Authorization header: {@code name=token} or {@code name="quoted"}
     * (backslash escapes), comma-separated. Names are lower-cased; anything else is malformed.
     */
    static Map<String, String> parse(String text) {
        var params = new LinkedHashMap<String, String>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("no '=' after " + text.substring(i));
            }
            var name = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            var value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i >= n) {
                    throw new IllegalArgumentException("unclosed quote");
                }
                i++;
            } else {
                while (i < n && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            if (name.isEmpty() || params.putIfAbsent(name, value.toString().strip()) != null) {
                throw new IllegalArgumentException("empty or repeated parameter " + name);
            }
        }
        return params;
    }
}
