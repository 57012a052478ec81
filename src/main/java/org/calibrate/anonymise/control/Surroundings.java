package org.calibrate.anonymise.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where a word stands in its text: the words beside it, sentence starts, title lines, possessives. */
final class Surroundings {
    static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "coach", "prof", "professor",
            "principal", "mister", "sir", "madam", "mme", "mlle", "señor", "senor", "señora", "senora", "sra", "sr", "dean");
    /** Words that stay in lower case inside a title ("The Rise of Rome"). */
    private static final Set<String> TITLE_SMALL = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "vs");

    private final String text;
    private final List<Words.Word> words;

    Surroundings(String text, List<Words.Word> words) {
        this.text = text;
        this.words = words;
    }

    List<Words.Word> words() {
        return words;
    }

    /** The word before, if only spaces (or an honorific's dot) stand between. */
    Optional<Words.Word> before(int i) {
        if (i == 0) {
            return Optional.empty();
        }
        Words.Word prev = words.get(i - 1);
        String gap = text.substring(prev.end(), words.get(i).start());
        return gap.matches("\\.?[ \\t]+|\\.?\\u00A0") ? Optional.of(prev) : Optional.empty();
    }

    /** The word after, if only spaces stand between. */
    Optional<Words.Word> after(int i) {
        if (i + 1 >= words.size()) {
            return Optional.empty();
        }
        Words.Word next = words.get(i + 1);
        String gap = text.substring(words.get(i).end(), next.start());
        return gap.matches("[ \\t\\u00A0]+") ? Optional.of(next) : Optional.empty();
    }

    /** "May 5", "June 2024": a number follows. */
    boolean numberAfter(int i) {
        int p = words.get(i).end();
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        return p < text.length() && Character.isDigit(text.charAt(p));
    }

    /** "Zoë K.": the end of an initial after the word, when it is the family initial of the initials given. */
    Optional<Integer> familyInitialAfter(int i, String initials) {
        int p = words.get(i).end();
        if (initials.length() == 2 && p + 2 < text.length() && text.charAt(p) == ' ' && text.charAt(p + 1) == initials.charAt(1)
                && text.charAt(p + 2) == '.' && (p + 3 == text.length() || !Character.isLetter(text.charAt(p + 3)))) {
            return Optional.of(p + 3);
        }
        return Optional.empty();
    }

    Optional<String> keyBefore(int i) {
        return before(i).map(Words.Word::key);
    }

    Optional<String> keyAfter(int i) {
        return after(i).map(Words.Word::key);
    }

    boolean afterHonorific(int i) {
        return before(i).filter(w -> HONORIFICS.contains(w.key()) && w.capitalised()).isPresent();
    }

    /** First word of the text, a line, or a sentence (after . ! ? : or an opening quote or bullet). */
    boolean sentenceInitial(int i) {
        int p = words.get(i).start() - 1;
        while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t' || "\"“‘'([-*•–—".indexOf(text.charAt(p)) >= 0)) {
            p--;
        }
        return p < 0 || ".!?:\n\r".indexOf(text.charAt(p)) >= 0 || (Character.isDigit(text.charAt(p)) && p + 1 < text.length() && text.charAt(p + 1) == ')');
    }

    /** A line written in title case (a heading): most of its words capitalised. */
    boolean inTitleLine(int i) {
        Words.Word w = words.get(i);
        int lineStart = text.lastIndexOf('\n', w.start()) + 1;
        int lineEnd = text.indexOf('\n', w.end());
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        int all = 0;
        int capitalised = 0;
        for (Words.Word o : words) {
            if (o.start() >= lineStart && o.end() <= lineEnd && !TITLE_SMALL.contains(o.key())) {
                all++;
                capitalised += o.capitalised() ? 1 : 0;
            }
        }
        String line = text.substring(lineStart, lineEnd).strip();
        boolean sentence = line.endsWith(".") || line.endsWith("?") || line.endsWith("!");
        return all >= 2 && all <= 12 && !sentence && capitalised * 10 >= all * 7;
    }

    /** "Maya's", "James'": the word is followed by a possessive ending (or holds one). */
    boolean possessive(int i) {
        Words.Word w = words.get(i);
        String lower = w.text().toLowerCase(Locale.ROOT);
        if (lower.endsWith("'s") || lower.endsWith("’s")) {
            return true;
        }
        return w.end() < text.length() && (text.charAt(w.end()) == '\'' || text.charAt(w.end()) == '’');
    }
}
