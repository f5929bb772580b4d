package io.netfilterflow.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What lets the presenter, and nobody else, move a session on: 128 random bits given once, when the session
 * starts. The database keeps only their SHA-256, so its rows cannot be used to take a session over.
 */
record PresenterKey(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static PresenterKey random() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new PresenterKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /** The key sent as {@code Authorization: Bearer KEY}, or a key that matches nothing. */
    static PresenterKey fromHeader(String authorization) {
        String prefix = "Bearer ";
        return new PresenterKey(authorization != null && authorization.startsWith(prefix)
                ? authorization.substring(prefix.length()).strip() : "");
    }

    String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
