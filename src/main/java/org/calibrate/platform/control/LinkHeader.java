package org.calibrate.platform.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a relation in an HTTP {@code Link} header (RFC 8288 §3). Quote-agnostic on purpose: Moodle
 * writes {@code rel=“next”} with typographic quotes, which strict parsers reject. Hand-written because
 * no client-side library here reads that form; it is a small, bounded regular match.
 */
public final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    /**
     * The relation names after {@code rel=}, whatever quotes surround them: ASCII, typographic, or the
     * typographic quotes' UTF-8 bytes read as ISO-8859-1 (how Java's HTTP client decodes header bytes).
     */
    private static final Pattern REL = Pattern.compile("rel\\s*=[^A-Za-z;,]*([A-Za-z][A-Za-z0-9 .-]*)", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {
    }

    public static Optional<String> find(String header, String relation) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = REL.matcher(link.group(2));
            if (rel.find()) {
                for (String r : rel.group(1).trim().split("\\s+")) {
                    if (r.equalsIgnoreCase(relation)) {
                        return Optional.of(link.group(1).trim());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
