package org.calibrate.launch.boundary;

/**
 * The {@code Set-Cookie} value of the login's browser binding: {@code SameSite=None; Secure} so the
 * cookie survives the platform's cross-site form post, {@code Partitioned} (CHIPS) so Chrome keeps
 * it inside an LMS frame. JAX-RS cannot write {@code Partitioned}, hence the header is built here.
 * Browsers treat http://127.0.0.1 and localhost as secure, so this works in local development too.
 */
final class StateCookie {
    static final int MAX_AGE_SECONDS = 600;

    private StateCookie() {
    }

    /** Names and values are our own base64url/hex tokens, so no quoting is needed. */
    static String header(String name, String value, boolean httpOnly) {
        if (!name.matches("[A-Za-z0-9_-]+") || !value.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("cookie name and value must be URL-safe tokens");
        }
        return name + "=" + value + "; Path=/lti/; Max-Age=" + MAX_AGE_SECONDS + "; Secure"
                + (httpOnly ? "; HttpOnly" : "") + "; SameSite=None; Partitioned";
    }
}
