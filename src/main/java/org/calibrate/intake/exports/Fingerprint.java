package org.calibrate.intake.exports;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 (hex) over a student's files, names and contents, sorted by name: the same work in another
 * ZIP, in another order, has the same fingerprint; a changed byte or a renamed file changes it. Each
 * name and content is preceded by its length, so no two different sets of files hash the same bytes.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    record Part(String name, boolean onlineText, byte[] content) {
    }

    static String of(List<Part> parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        List<Part> sorted = parts.stream()
                .sorted(Comparator.comparing(Part::name).thenComparing(Part::onlineText)
                        .thenComparing(Part::content, java.util.Arrays::compare))
                .toList();
        for (Part part : sorted) {
            byte[] name = part.name().getBytes(StandardCharsets.UTF_8);
            sha256.update((byte) (part.onlineText() ? 1 : 0));
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            sha256.update(name);
            sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(part.content().length).array());
            sha256.update(part.content());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
