package dev.stagecheck.demo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * WordPress-style {@code _wpnonce} values: 10 hex characters of an HMAC-SHA256, under a key
 * random per site, of the session id and an action name such as {@code trash-post_1}. So a
 * nonce only works for its own session and action, and says nothing about the session id,
 * which the secrets self-test hunts for in reports where nonce URLs may well appear.
 */
final class Nonces {

    private static final int LENGTH = 10;

    private final SecretKeySpec key = new SecretKeySpec(RandomIds.hex32().getBytes(StandardCharsets.US_ASCII), "HmacSHA256");

    String create(Session session, String action) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((session.id() + "|" + action).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether the request's nonce is the one for this session and action; a missing one is not. */
    boolean verify(Session session, String action, Optional<String> presented) {
        return Secrets.matches(presented.orElse(null), create(session, action));
    }
}
