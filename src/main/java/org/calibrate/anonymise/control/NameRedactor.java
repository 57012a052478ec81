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
 * Replaces the names the course knows (learners and teachers: full, given and family names, as the
 * roster gives them) wherever they stand as whole words in a piece's text, and every e-mail address:
 * a student signing their essay, naming a classmate or greeting their teacher must not reach a blind scorer. Case-insensitive; apostrophes and hyphens inside names
 * kept; longest names first so "Maya Thompson" goes as one.
 */
public final class NameRedactor {
    public static final String MARK = "[name]";
    public static final String CLASS_MARK = "[class]";
    public static final String EMAIL_MARK = "[email]";
    /** Addresses are personal whoever they name; the pattern is deliberately broad (RFC 5322's local parts are not needed). */
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final int MAX_NAMES = 20_000;

    private final Pattern pattern;
    private final String mark;

    /** Learners' names: each full name, and each of its words on its own. */
    public NameRedactor(Collection<String> names) {
        this(names, true, MARK);
    }

    /** Class or section names ("Period 2", "8B"): whole phrases only, since their words are ordinary words. */
    public static NameRedactor classes(Collection<String> classNames) {
        return new NameRedactor(classNames, false, CLASS_MARK);
    }

    private NameRedactor(Collection<String> names, boolean words, String mark) {
        this.mark = mark;
        Set<String> parts = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null) {
                continue;
            }
            String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC).replaceAll("\\s+", " ");
            if (n.codePointCount(0, n.length()) >= 2) {
                parts.add(n);
            }
            for (String word : words ? n.split(" ") : new String[0]) {
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

    /** The text with every known name replaced by the mark ({@link #MARK} or {@link #CLASS_MARK}). */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String nfc = EMAIL.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(Matcher.quoteReplacement(EMAIL_MARK));
        return pattern == null ? nfc : pattern.matcher(nfc).replaceAll(Matcher.quoteReplacement(mark));
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
