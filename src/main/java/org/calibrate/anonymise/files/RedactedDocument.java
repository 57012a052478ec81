package org.calibrate.anonymise.files;

import org.calibrate.intake.formats.Format;

import java.util.List;

/**
 * The document a scorer receives: rebuilt from the redacted content of the student's file, never the file
 * itself.
 *
 * @param content          the rebuilt document
 * @param format           PDF for PDFs and for text formats without a layout of their own (ODT, RTF, HTML, plain
 *                         text), DOCX for Word documents, IMAGE (PNG) for a photo or scan
 * @param mediaType        what to serve it as
 * @param pages            pages of the rebuilt document (1 for DOCX and images)
 * @param rasterisedPages  pages of the student's PDF (1-based) that became pictures with boxes over the hidden
 *                         phrases, because their text alone could not stand for them
 * @param needsManualCheck a moderator must look at it before scorers do: pictures were redacted by OCR, or parts
 *                         of the file could not be carried over
 * @param notes            what the moderator should know, in their words; never a hidden phrase
 */
public record RedactedDocument(byte[] content, Format format, String mediaType, int pages, List<Integer> rasterisedPages,
                               boolean needsManualCheck, List<String> notes) {
    public RedactedDocument {
        rasterisedPages = List.copyOf(rasterisedPages);
        notes = List.copyOf(notes);
    }

    public String extension() {
        return Extension.of(format);
    }
}
