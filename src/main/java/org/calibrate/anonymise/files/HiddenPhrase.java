package org.calibrate.anonymise.files;

import org.calibrate.anonymise.entity.Span;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A word or phrase to take out of a file, and the label that stands in its place ("Jordan Rivera" →
 * "[student]"). Files are redacted by phrase rather than by offset: a file's layout (pages, runs, tables)
 * does not share the offsets of its extracted text, but every place the phrase appears must go.
 */
public record HiddenPhrase(String phrase, String label) {
    /** Longer phrases are a sign of a wrong span (a whole sentence), and each one becomes a pattern. */
    static final int MAX_LENGTH = 200;

    public HiddenPhrase {
        if (phrase == null || phrase.isBlank() || phrase.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a hidden phrase has 1 to " + MAX_LENGTH + " characters");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a hidden phrase needs the label that replaces it, e.g. [student]");
        }
        phrase = phrase.strip();
    }

    /**
     * The phrases behind the spans the anonymiser (or the moderator's review) settled for a file's extracted text.
     * Span offsets count code points; each distinct phrase is listed once.
     */
    public static List<HiddenPhrase> fromSpans(String text, List<Span> spans) {
        Set<HiddenPhrase> phrases = new LinkedHashSet<>();
        for (Span s : spans) {
            int start = text.offsetByCodePoints(0, s.start());
            int end = text.offsetByCodePoints(start, s.end() - s.start());
            String phrase = text.substring(start, end);
            if (!phrase.isBlank()) {
                phrases.add(new HiddenPhrase(phrase, s.label()));
            }
        }
        return new ArrayList<>(phrases);
    }
}
