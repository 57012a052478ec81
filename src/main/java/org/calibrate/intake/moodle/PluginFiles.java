package org.calibrate.intake.moodle;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Where a submitted file is downloaded. Moodle's web-service replies point at
 * {@code /webservice/pluginfile.php/…}, which takes the token as {@code ?token=}; the plain
 * {@code /pluginfile.php/…} needs a browser session and answers with the login page, so it is
 * rewritten. The token goes only to the site it belongs to: a file URL on another origin or outside
 * pluginfile.php is refused, whatever the reply says.
 */
final class PluginFiles {
    private static final String WEB_SERVICE = "/webservice/pluginfile.php/";
    private static final String BROWSER = "/pluginfile.php/";

    private PluginFiles() {
    }

    /** The URL to fetch with the token appended, or empty when {@code fileUrl} is not a file of {@code site}. */
    static Optional<URI> withToken(URI site, URI fileUrl, String token) {
        if (!sameOrigin(site, fileUrl) || fileUrl.getRawFragment() != null || fileUrl.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String base = basePath(site);
        String path = fileUrl.getRawPath() == null ? "" : fileUrl.getRawPath();
        if (!path.startsWith(base + "/")) {
            return Optional.empty();
        }
        String rest = path.substring(base.length());
        if (rest.startsWith(BROWSER)) {
            rest = WEB_SERVICE + rest.substring(BROWSER.length());
        } else if (!rest.startsWith(WEB_SERVICE)) {
            return Optional.empty();
        }
        String decoded = fileUrl.getPath();
        if (decoded == null || decoded.contains("/../") || decoded.endsWith("/..")) {
            return Optional.empty();
        }
        StringJoiner query = new StringJoiner("&");
        if (fileUrl.getRawQuery() != null) {
            for (String pair : fileUrl.getRawQuery().split("&")) {
                // Never two tokens, and never one the reply chose.
                if (!pair.isEmpty() && !pair.toLowerCase(Locale.ROOT).startsWith("token=")) {
                    query.add(pair);
                }
            }
        }
        query.add("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        try {
            // The site's own spelling of scheme, host and port: the reply only chose the path.
            return Optional.of(new URI(site.getScheme() + "://" + site.getRawAuthority() + base + rest + "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The site's path without a trailing slash: {@code https://school.example/moodle/} → {@code /moodle}. */
    static String basePath(URI site) {
        String p = site.getRawPath() == null ? "" : site.getRawPath();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getHost() != null && b.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
