package dev.statcallouts.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 and random secrets, which every JDK has: ETags, CSP hashes, stored token hashes, tokens. */
public final class Hashes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Hashes() {}

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** An entity tag for a representation: 132 bits of its SHA-256, URL-safe. */
    public static String etag(byte[] representation) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(sha256(representation))
                .substring(0, 22);
    }

    /** The CSP source expression that allows exactly this inline style or script. */
    public static String cspSource(String inline) {
        return "'sha256-" + Base64.getEncoder().encodeToString(sha256(inline.getBytes(StandardCharsets.UTF_8))) + "'";
    }

    /** How a secret (API token, session cookie) is stored: hex SHA-256, never the secret itself. */
    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** A random secret of {@code bytes} bytes, URL-safe base64. */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether two secrets (CSRF tokens) are equal, in a time that does not depend on where they differ. */
    public static boolean sameSecret(String expected, String given) {
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
