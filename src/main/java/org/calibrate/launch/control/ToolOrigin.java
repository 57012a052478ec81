package org.calibrate.launch.control;

import java.net.URI;

/**
 * The tool's own origin (scheme, host, port of its public URL): a login's or a launch's
 * {@code target_link_uri} must point inside it, or login becomes an open redirect.
 */
public record ToolOrigin(String value) {

    public static ToolOrigin of(URI publicUrl) {
        return new ToolOrigin(origin(publicUrl));
    }

    /** Absolute, without user info, and on this origin. */
    public boolean contains(String uri) {
        try {
            URI u = new URI(uri);
            return u.isAbsolute() && u.getUserInfo() == null && value.equals(origin(u));
        } catch (Exception e) {
            return false;
        }
    }

    private static String origin(URI uri) {
        int port = uri.getPort();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (port == -1) {
            port = "https".equals(scheme) ? 443 : 80;
        }
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase()) + ":" + port;
    }
}
