package org.calibrate.anonymise.files;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.calibrate.intake.entity.SubmittedFile;
import org.calibrate.intake.formats.Extraction;
import org.calibrate.intake.formats.ExtractionLimits;
import org.calibrate.intake.formats.Extractor;
import org.calibrate.intake.formats.Format;
import org.calibrate.intake.formats.Unreadable;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the document a scorer reads from a student's file and the phrases to hide: rebuilt from the redacted
 * content, re-extracted and checked that no hidden phrase survives, never the student's file with boxes
 * drawn on it. PDF → PDF (pages of text set anew, other pages rasterised and boxed); DOCX → DOCX; ODT, RTF,
 * HTML and text → PDF of their redacted text; a photo or scan → PNG boxed by OCR. Holds no state but its
 * settings, so one instance serves any number of threads.
 */
public final class FileRedactor {
    /** OCR takes seconds a page; past this many pictures in one file, pages get only their text layer's boxes. */
    static final int MAX_OCR_PAGES = 50;

    private final ExtractionLimits limits;
    private final Tesseract tesseract;

    public FileRedactor(ExtractionLimits limits, Tesseract tesseract) {
        if (limits == null || tesseract == null) {
            throw new IllegalArgumentException("a file redactor needs its limits and its OCR");
        }
        this.limits = limits;
        this.tesseract = tesseract;
    }

    /**
     * @param format the format intake recognised from the content ({@code Extraction.format()})
     * @param hidden what to take out and the label that stands in its place; may be empty (the file is still
     *               rebuilt, so no metadata or hidden layer comes along)
     * @throws Unredactable when the file cannot be read or is too large, or when the rebuilt document still
     *                      holds a hidden phrase (then it must be redacted by hand)
     */
    public RedactedDocument redact(byte[] content, Format format, List<HiddenPhrase> hidden) throws Unredactable {
        Phrases phrases = new Phrases(hidden);
        List<String> notes = new ArrayList<>();
        try {
            return switch (format) {
                case PDF -> pdf(content, phrases, hidden, notes);
                case DOCX -> docx(content, phrases, notes);
                case IMAGE -> image(content, hidden, notes);
                case ODT, RTF, HTML, TEXT -> text(content, phrases, notes);
            };
        } catch (IOException | RuntimeException e) {
            throw Unredactable.unreadable(MetadataScrubber.noun(format), e);
        }
    }

    private RedactedDocument pdf(byte[] content, Phrases phrases, List<HiddenPhrase> hidden, List<String> notes)
            throws Unredactable, IOException {
        PDDocument source = PdfMetadata.load(content, limits);
        try (PDDocument out = new PDDocument()) {
            PdfMetadata.scrub(source, new ArrayList<>());
            PdfRebuild.Outcome outcome = new PdfRebuild(phrases, new ImageRedaction(tesseract, hidden), MAX_OCR_PAGES)
                    .rebuild(source, out);
            for (int i = 0; i < outcome.rasterised().size(); i++) {
                notes.add(ocrNote(outcome.ocr().get(i), "page " + outcome.rasterised().get(i),
                        "made a picture, names boxed from its text layer and by OCR"));
            }
            byte[] pdf = PdfMetadata.save(out);
            check(phrases, PdfRebuild.textOf(out, 1, out.getNumberOfPages()));
            return new RedactedDocument(pdf, Format.PDF, Format.PDF.mediaType(), outcome.pages(), outcome.rasterised(),
                    !outcome.rasterised().isEmpty(), notes);
        } finally {
            PdfMetadata.close(source);
        }
    }

    private RedactedDocument docx(byte[] content, Phrases phrases, List<String> notes) throws Unredactable, IOException {
        if (content.length > limits.maxFileBytes()) {
            throw Unredactable.tooLarge("The Word document has " + content.length + " bytes, more than " + limits.maxFileBytes());
        }
        ZipParts.read(content, limits); // the package's bounds, before POI unpacks anything
        byte[] docx = new DocxRebuild(phrases).rebuild(content, notes);
        check(phrases, DocxRebuild.text(docx));
        return new RedactedDocument(docx, Format.DOCX, Format.DOCX.mediaType(), 1, List.of(), !notes.isEmpty(), notes);
    }

    private RedactedDocument image(byte[] content, List<HiddenPhrase> hidden, List<String> notes) throws Unredactable {
        BufferedImage image = Images.decode(content, limits);
        ImageRedaction.Result result = new ImageRedaction(tesseract, hidden).redact(image, List.of());
        notes.add(ocrNote(result.ocr(), "the picture", result.boxes().size()
                + (result.boxes().size() == 1 ? " word" : " words") + " boxed by OCR"));
        return new RedactedDocument(Images.png(result.image()), Format.IMAGE, Extension.PNG, 1, List.of(), true, notes);
    }

    /** Formats without a page layout worth keeping: their extracted text, redacted, set on letter-size pages. */
    private RedactedDocument text(byte[] content, Phrases phrases, List<String> notes)
            throws Unredactable, IOException {
        Extraction extraction;
        try {
            // The original name is never passed on, not even to the extractor.
            extraction = new Extractor(limits).extract(new SubmittedFile("submission", Optional.empty(), content));
        } catch (Unreadable e) {
            throw new Unredactable(e.getMessage(), e);
        }
        notes.addAll(extraction.notes());
        String redacted = phrases.redact(extraction.text());
        if (!TextPages.encodable(redacted)) {
            redacted = TextPages.printable(redacted);
            notes.add("characters the standard font lacks (symbols, emoji, other scripts) are shown as ?");
        }
        try (PDDocument out = new PDDocument()) {
            int pages = TextPages.write(out, redacted, PDRectangle.LETTER);
            byte[] pdf = PdfMetadata.save(out);
            check(phrases, PdfRebuild.textOf(out, 1, pages));
            return new RedactedDocument(pdf, Format.PDF, Format.PDF.mediaType(), pages, List.of(),
                    extraction.needsManualCheck(), notes);
        }
    }

    /** The re-extraction check: the rebuilt document, read as a scorer's software would, holds no hidden phrase. */
    private static void check(Phrases phrases, String rebuiltText) throws Unredactable {
        if (phrases.survivesIn(rebuiltText)) {
            throw new Unredactable("A name to hide was still found in the rebuilt document; it was not handed on."
                    + " Redact this piece by hand.");
        }
    }

    private static String ocrNote(Tesseract.Status status, String where, String done) {
        String marked = ": " + where + " is marked for a manual check";
        return switch (status) {
            case READ -> where + ": " + done + "; needs a manual check (OCR misses handwriting)";
            case NOT_AVAILABLE -> "OCR not available" + marked;
            case TIMED_OUT -> "OCR took too long" + marked;
            case FAILED -> "OCR failed" + marked;
            case NOT_RUN -> "OCR not run (more than " + MAX_OCR_PAGES + " pictures in the file)" + marked;
        };
    }
}
