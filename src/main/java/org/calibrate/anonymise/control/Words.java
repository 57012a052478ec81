package org.calibrate.anonymise.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text, with their UTF-16 positions, and the folded key names are compared by: case,
 * accents and typographic apostrophes do not distinguish names ("ZOË", "Zoe\u0308", "zoe" are one name).
 * Keys are computed per word, never by normalising the whole text, so positions stay those of the input.
 */
public final class Words {
    /** Letters with their combining marks, joined by inner apostrophes and hyphens (O'Brien, Nguyen-Tran). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}]*(?:['’\\-][\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}]*)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Words() {
    }

    /** A word of the text: [start, end) in UTF-16 indices. */
    public record Word(int start, int end, String text) {
        public String key() {
            return Words.key(text);
        }

        public boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }

        public boolean allCaps() {
            return text.codePoints().filter(Character::isLetter).count() >= 2
                    && text.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        }

        public boolean lowerCase() {
            return text.codePoints().filter(Character::isLetter).noneMatch(Character::isUpperCase);
        }

        public int letters() {
            return (int) text.codePoints().filter(Character::isLetter).count();
        }
    }

    public static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(m.start(), m.end(), m.group()));
        }
        return words;
    }

    public static String key(String word) {
        String folded = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
        return folded.replace('’', '\'').toLowerCase(Locale.ROOT);
    }

    /** UTF-16 index to code point index, for the spans handed out. */
    public static int codePoints(String text, int utf16Index) {
        return text.codePointCount(0, utf16Index);
    }
}
