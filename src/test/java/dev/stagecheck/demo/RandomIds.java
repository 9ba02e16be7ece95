package dev.stagecheck.demo;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable ids for sessions and stored messages: 128 bits from {@link SecureRandom} as 32 hex chars. */
final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    static String hex32() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
