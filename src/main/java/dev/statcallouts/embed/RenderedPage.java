package dev.statcallouts.embed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered card document as it goes on the wire: bytes plain and gzipped, validators, and its
 * Content-Security-Policy. Immutable, so one instance serves every reader from the cache.
 */
public record RenderedPage(byte[] html, byte[] gzipped, String etag, Instant lastModified, String csp) {

    public static RenderedPage of(String html, Instant lastModified, String csp) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new RenderedPage(bytes, gzip(bytes), sha256(bytes).substring(0, 22), lastModified, csp);
    }

    /** Base64 SHA-256, as CSP hashes and ETags use it. */
    public static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
