package org.calibrate.intake.formats;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one shape of extracted text, whatever the format: lines without leading or trailing blanks, runs of
 * blanks as one, paragraphs apart by exactly one blank line. Scorers then see the same text for the same
 * work, and the anonymiser and the length limit count the same characters.
 */
final class Whitespace {
    // Controls other than line feed and tab carry no text; U+FEFF is a byte-order mark or an invisible joiner.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\uFEFF&&[^\\n\\t]]+");
    private static final Pattern BLANKS = Pattern.compile("\\h+");
    private static final Pattern EDGES = Pattern.compile("(?m)^\\h+|\\h+$");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private Whitespace() {
    }

    static String normalise(String raw) {
        // NFC: the same letter typed on different systems (precomposed or with a combining accent) counts once.
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n')
                // Word writes a manual line break as a vertical tab in some exports; NEL is a line end too.
                .replace('\u000B', '\n').replace('\u0085', '\n')
                .replace("\u2029", "\n\n").replace("\f", "\n\n");
        text = INVISIBLE.matcher(text).replaceAll("");
        // A tab in a run keeps it a tab: it is how table cells stay apart in plain text.
        text = BLANKS.matcher(text).replaceAll(m -> m.group().indexOf('\t') >= 0 ? "\t" : " ");
        text = EDGES.matcher(text).replaceAll("");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }
}
