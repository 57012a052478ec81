package org.calibrate.runtime;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The CSP {@code frame-ancestors} directive for an LTI tool: this origin, and the origins of the registered
 * platforms (their issuers and login URLs, which for Moodle and Brightspace are the site itself) plus any the
 * operator adds — Canvas and Blackboard frame the tool from the school's own domain, which neither names.
 * Any other site trying to frame Calibrate (clickjacking) is refused by the browser.
 */
public final class FrameAncestors {

    private FrameAncestors() {
    }

    public static String directive(Collection<String> urls) {
        TreeSet<String> origins = new TreeSet<>();
        for (String url : urls) {
            origin(url).ifPresent(origins::add);
        }
        StringBuilder d = new StringBuilder("frame-ancestors 'self'");
        origins.forEach(o -> d.append(' ').append(o));
        return d.toString();
    }

    /** scheme://host[:port] of an http(s) URL; nothing for anything else (an issuer need not be a URL). */
    static Optional<String> origin(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = URI.create(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null) {
                return Optional.empty();
            }
            // CSP source expressions allow no spaces, quotes or semicolons; a host is checked to be plain.
            String host = u.getHost().toLowerCase(Locale.ROOT);
            if (!host.matches("[a-z0-9.\\-\\[\\]:]+")) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + host + (u.getPort() == -1 ? "" : ":" + u.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
