package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Compares a presented secret with the expected one in constant time, so timing says nothing. */
final class Secrets {

    private Secrets() {
    }

    static boolean matches(String presented, String expected) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
