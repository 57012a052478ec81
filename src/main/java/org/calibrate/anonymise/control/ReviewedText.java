package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.ReviewSpan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A piece's text as scorers get it after the release review: the original with every hidden span replaced by
 * its label, the way the anonymiser writes its cautious text, so an undecided review reads exactly as before.
 */
public final class ReviewedText {
    /** The most spans one piece carries: a bound on every loop over them. */
    public static final int MAX_SPANS = 2_000;

    private ReviewedText() {
    }

    public static String scorerText(String original, List<ReviewSpan> spans) {
        StringBuilder out = new StringBuilder(original.length());
        int at = 0;
        for (ReviewSpan s : sorted(spans)) {
            int from = original.offsetByCodePoints(0, s.start());
            int to = original.offsetByCodePoints(from, s.end() - s.start());
            out.append(original, at, from).append(s.hidden() ? s.label() : original.substring(from, to));
            at = to;
        }
        return out.append(original, at, original.length()).toString();
    }

    /**
     * Adds a moderator's redaction of every whole-word occurrence of a phrase (case-insensitive) that no span covers
     * yet; an occurrence inside a span a moderator kept is redacted by deciding that span, not by a second span.
     */
    public static List<ReviewSpan> withPhrase(String original, List<ReviewSpan> spans, String phrase) {
        String p = phrase == null ? "" : phrase.strip();
        if (p.isEmpty() || p.length() > 200) {
            throw new IllegalArgumentException("Give a word or phrase of 1 to 200 characters to redact.");
        }
        List<ReviewSpan> out = new ArrayList<>(spans);
        String lower = original.toLowerCase(Locale.ROOT);
        String needle = p.toLowerCase(Locale.ROOT);
        if (lower.length() != original.length()) {
            // Lower-casing changed lengths (rare scripts): search the original as written instead.
            lower = original;
            needle = p;
        }
        for (int i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length())) {
            int j = i + needle.length();
            if (wordEdge(original, i - 1) && wordEdge(original, j)) {
                int start = original.codePointCount(0, i);
                int end = start + original.codePointCount(i, j);
                if (out.stream().noneMatch(s -> s.start() < end && start < s.end())) {
                    out.add(ReviewSpan.manual(start, end));
                }
            }
            if (out.size() > MAX_SPANS) {
                throw new IllegalArgumentException("A piece holds at most " + MAX_SPANS + " redactions.");
            }
        }
        return sorted(out);
    }

    private static boolean wordEdge(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    private static List<ReviewSpan> sorted(List<ReviewSpan> spans) {
        return spans.stream().sorted(Comparator.comparingInt(ReviewSpan::start)).toList();
    }
}
