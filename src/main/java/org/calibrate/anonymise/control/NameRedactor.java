package org.calibrate.anonymise.control;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces the names of the course's learners (full, given and family names, as the roster gives them)
 * wherever they stand as whole words in a piece's text: a student signing their essay or naming a
 * classmate must not reach a blind scorer. Case-insensitive; apostrophes and hyphens inside names
 * kept; longest names first so "Maya Thompson" goes as one.
 */
public final class NameRedactor {
    public static final String MARK = "[name]";
    private static final int MAX_NAMES = 20_000;

    private final Pattern pattern;

    public NameRedactor(Collection<String> names) {
        Set<String> parts = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null) {
                continue;
            }
            String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC).replaceAll("\\s+", " ");
            if (n.codePointCount(0, n.length()) >= 2) {
                parts.add(n);
            }
            for (String word : n.split(" ")) {
                if (word.codePointCount(0, word.length()) >= 2) {
                    parts.add(word);
                }
            }
            if (parts.size() > MAX_NAMES) {
                throw new IllegalArgumentException("more than " + MAX_NAMES + " names to redact");
            }
        }
        if (parts.isEmpty()) {
            pattern = null;
            return;
        }
        String alternatives = parts.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(NameRedactor::quoted).collect(Collectors.joining("|"));
        // Whole words only: no letter or digit on either side (so "Kim" leaves "Kimchi" alone).
        pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The text with every known name replaced by {@link #MARK}. */
    public String redact(String text) {
        if (pattern == null || text == null) {
            return text;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return pattern.matcher(nfc).replaceAll(Matcher.quoteReplacement(MARK));
    }

    /** Typographic and straight apostrophes are the same letter in a name (O’Connor, O'Connor). */
    private static String quoted(String name) {
        StringBuilder b = new StringBuilder();
        for (String piece : name.split("(?<=['’])|(?=['’])")) {
            b.append(piece.equals("'") || piece.equals("’") ? "['’]" : piece.contains(" ") ? Pattern.quote(piece).replace(" ", "\\E\\s+\\Q") : Pattern.quote(piece));
        }
        return b.toString();
    }
}
