package org.calibrate.intake.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What was read from a submission.
 *
 * @param format           the format recognised from the content
 * @param text             plain text, paragraphs apart by one blank line, whitespace normalised (done here,
 *                         so every extraction has the same shape)
 * @param html             the sanitised HTML, for HTML sources only
 * @param pages            pages of a PDF (or a multi-page TIFF); 1 for formats without pages
 * @param needsManualCheck a person should look at the original: no text came out of it, or not all of it
 * @param notes            what a teacher should know about how the text was obtained
 */
public record Extraction(Format format, String text, Optional<String> html, int pages, boolean needsManualCheck,
                         List<String> notes) {
    public Extraction {
        if (format == null || text == null) {
            throw new IllegalArgumentException("an extraction needs a format and a text");
        }
        text = Whitespace.normalise(text);
        html = html == null ? Optional.empty() : html;
        if (pages < 1) {
            throw new IllegalArgumentException("an extraction has at least one page");
        }
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    static Extraction of(Format format, String text, int pages, List<String> notes) {
        return new Extraction(format, text, Optional.empty(), pages, false, notes);
    }

    /** The same extraction, marked for a person's check, with the note that says why. */
    Extraction flagged(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Extraction(format, text, html, pages, true, more);
    }
}
