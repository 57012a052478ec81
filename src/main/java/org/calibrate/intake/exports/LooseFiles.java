package org.calibrate.intake.exports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Files no LMS scheme claims: each top-level file is a submission of its own, and each top-level
 * folder one submission of everything in it (a folder per student is how people sort work by hand).
 * None is linked to a student. {@code wrapper} is a single folder around everything, as zipping a
 * folder on a desktop makes, which is looked through.
 */
final class LooseFiles {
    /** {@link org.calibrate.intake.entity.Submission} keys are at most 200 characters. */
    private static final int MAX_KEY = 200;
    private static final String KEY_PREFIX = "zip:";

    private LooseFiles() {
    }

    static Claim claim(String path, String wrapper) {
        String inside = path.substring(wrapper.length());
        int slash = inside.indexOf('/');
        String top = slash < 0 ? inside : inside.substring(0, slash);
        String fileName = slash < 0 ? inside : inside.substring(slash + 1);
        String item = wrapper + top;
        return new Claim(key(item), item, Optional.empty(), false, fileName, false);
    }

    private static String key(String item) {
        String key = KEY_PREFIX + item;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        // Stable across imports like the path itself, and short enough to store.
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(item.getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
