package org.calibrate.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which platform URLs the tool will call: absolute HTTPS without user info, plain HTTP only on
 * loopback (development, tests, the demo LMS). Applied to every URL a platform hands over — service
 * endpoints in launch claims, registration endpoints, paging links — so that a claim cannot point
 * the tool at an internal plain-HTTP address or smuggle credentials.
 */
public final class ServiceUrls {
    private static final int MAX_CHARS = 1024;

    private ServiceUrls() {
    }

    public static Optional<URI> parse(Object value) {
        if (!(value instanceof String s) || s.isBlank() || s.length() > MAX_CHARS) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(s.strip());
            return acceptable(uri) ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static boolean acceptable(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (scheme.equals("http") && Loopback.isLoopbackHost(uri.getHost()));
    }
}
