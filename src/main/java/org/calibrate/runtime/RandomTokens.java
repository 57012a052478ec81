package org.calibrate.runtime;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable URL-safe tokens (OIDC state and nonce, launch codes, one-time ids) from one CSPRNG. */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** {@code bytes} random bytes, base64url without padding (32 bytes = 256 bits = 43 characters). */
    public static String urlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
