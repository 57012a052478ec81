package org.calibrate.anonymise.files;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds hidden phrases in text the way a moderator's black marker would: any case, whole words only (so
 * "Rose" goes but "rosemary" stays), a phrase's words apart by any whitespace (a PDF breaks lines anywhere).
 * The same rule replaces the phrases and, after a rebuild, checks that none survived.
 */
final class Phrases {
    static final int MAX_PHRASES = 1_000;
    private static final String WORD_EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_EDGE_AFTER = "(?![\\p{L}\\p{N}])";

    private final Pattern pattern;
    private final Map<String, String> labels = new HashMap<>();
    private final List<String> distinctLabels;

    Phrases(List<HiddenPhrase> hidden) {
        if (hidden.size() > MAX_PHRASES) {
            throw new IllegalArgumentException("at most " + MAX_PHRASES + " phrases are hidden in one file, got " + hidden.size());
        }
        // Longest first, so "Jordan Rivera" is replaced whole before "Jordan" could take half of it.
        List<HiddenPhrase> ordered = hidden.stream()
                .sorted(Comparator.comparingInt((HiddenPhrase h) -> -h.phrase().length())).toList();
        for (HiddenPhrase h : ordered) {
            labels.putIfAbsent(key(h.phrase()), h.label());
        }
        String alternatives = ordered.stream()
                .map(h -> normalise(h.phrase()).split("\\s+"))
                .map(words -> Arrays.stream(words).map(Pattern::quote).collect(Collectors.joining("[\\s\\u00A0]+")))
                .distinct()
                .collect(Collectors.joining("|"));
        pattern = alternatives.isEmpty() ? null
                : Pattern.compile(WORD_EDGE_BEFORE + "(?:" + alternatives + ")" + WORD_EDGE_AFTER,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        distinctLabels = hidden.stream().map(HiddenPhrase::label).distinct().toList();
    }

    /** The text with every hidden phrase replaced by its label. */
    String redact(String text) {
        String normal = normalise(text);
        if (pattern == null) {
            return normal;
        }
        Matcher m = pattern.matcher(normal);
        StringBuilder out = new StringBuilder(normal.length());
        while (m.find()) {
            String label = labels.getOrDefault(key(m.group()), distinctLabels.get(0));
            m.appendReplacement(out, Matcher.quoteReplacement(label));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a hidden phrase is still in the text; the labels themselves are not read, a phrase may be a label's word. */
    boolean survivesIn(String text) {
        if (pattern == null) {
            return false;
        }
        String rest = normalise(text);
        for (String label : distinctLabels) {
            rest = rest.replace(label, " ");
        }
        return pattern.matcher(rest).find();
    }

    /** Where the phrases are in a text, as [start, end) pairs of the NFC text (which {@link #normalise} gives). */
    List<int[]> find(String normalisedText) {
        if (pattern == null) {
            return List.of();
        }
        return pattern.matcher(normalisedText).results().map(r -> new int[] {r.start(), r.end()}).toList();
    }

    /** Composed accents, so "Zoë" typed and "Zoë" decomposed by a PDF's text layer are the same word. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String key(String phrase) {
        return normalise(phrase).strip().replaceAll("[\\s\\u00A0]+", " ").toLowerCase(Locale.ROOT);
    }
}
