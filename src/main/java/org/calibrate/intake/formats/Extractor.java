package org.calibrate.intake.formats;

import org.calibrate.intake.entity.SubmittedFile;

import java.util.List;
import java.util.Locale;

/**
 * Reads the text of a submission: recognises the format from the content, reads it within the limits, and
 * turns every failure, a library's included, into an {@link Unreadable} a teacher can act on. Holds no state
 * but its limits, so one extractor serves any number of threads.
 */
public final class Extractor {
    private final ExtractionLimits limits;

    public Extractor(ExtractionLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("an extractor needs its limits");
        }
        this.limits = limits;
        DocxText.guardZipReading(limits);
    }

    public Extraction extract(SubmittedFile file) throws Unreadable {
        byte[] content = file.content();
        if (content.length == 0) {
            throw new Unreadable(Unreadable.Reason.EMPTY, "The file is empty (0 bytes); ask the student to hand it in again.");
        }
        if (content.length > limits.maxFileBytes()) {
            throw Unreadable.tooLarge("The file is " + megabytes(content.length) + "; files up to "
                    + megabytes(limits.maxFileBytes()) + " can be read. Ask the student for a smaller file (a PDF of the"
                    + " text, without large pictures).");
        }
        Magic magic = Magic.of(content);
        try {
            return bounded(read(file, magic));
        } catch (RuntimeException | StackOverflowError e) {
            // A parser's bug or a hostile file's deep nesting: the file cannot be read, and the server carries on.
            throw Unreadable.corrupt(magic.noun(), e);
        }
    }

    /** Online text as the LMS holds it (HTML). */
    public Extraction fromHtml(String html) throws Unreadable {
        if (html == null || html.isBlank()) {
            throw new Unreadable(Unreadable.Reason.EMPTY, "The online text is empty.");
        }
        if (html.length() > limits.maxFileBytes()) {
            throw Unreadable.tooLarge("The online text is " + html.length() + " characters long; at most "
                    + limits.maxFileBytes() + " can be read. Ask the student to hand in only the work for this task.");
        }
        try {
            return bounded(HtmlText.read(html));
        } catch (RuntimeException | StackOverflowError e) {
            throw Unreadable.corrupt("online text", e);
        }
    }

    private Extraction read(SubmittedFile file, Magic magic) throws Unreadable {
        byte[] content = file.content();
        return switch (magic) {
            case PDF -> new PdfText(limits).read(content);
            case ZIP -> fromPackage(content);
            case OLE2 -> throw Ole2Files.refusal(content);
            case RTF -> RtfText.read(content);
            case PNG, JPEG, GIF, TIFF, BMP, WEBP, HEIC, AVIF -> new ImageCheck(limits).read(content, magic);
            case NONE -> fromText(file);
            case ARCHIVE, PROGRAM, MEDIA -> throw Unreadable.unsupported(magic.description());
        };
    }

    private Extraction fromPackage(byte[] content) throws Unreadable {
        ZipDirectory zip = ZipDirectory.read(content, limits);
        return switch (ZipPackage.identify(zip)) {
            case ODT -> new OdtText(limits).read(zip);
            case DOCX -> new DocxText(limits).read(content);
            default -> throw new IllegalStateException("a package is a DOCX or an ODT");
        };
    }

    private static Extraction fromText(SubmittedFile file) throws Unreadable {
        String text = PlainText.decode(file.content());
        if (HtmlText.looksLikeHtml(text, file)) {
            return HtmlText.read(text);
        }
        return Extraction.of(Format.TEXT, text, 1, List.of());
    }

    /** Refuses text a piece could not hold, and marks an extraction without text for a person's check. */
    private Extraction bounded(Extraction extraction) throws Unreadable {
        if (extraction.text().length() > limits.maxTextChars()) {
            throw Unreadable.tooMuchText(extraction.text().length(), limits.maxTextChars());
        }
        if (extraction.text().isEmpty() && !extraction.needsManualCheck()) {
            return extraction.flagged("no text found; needs a person's check");
        }
        return extraction;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
