package org.calibrate.anonymise.files;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.calibrate.intake.formats.ExtractionLimits;
import org.calibrate.intake.formats.Format;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes the metadata out of a student's file and keeps its content as it is: PDF, DOCX, ODT and images
 * (written as PNG). What is kept is the file a moderator may open; scorers get a {@link FileRedactor}'s
 * rebuilt document instead. Holds only its limits, so one instance serves any number of threads.
 */
public final class MetadataScrubber {
    private final ExtractionLimits limits;

    public MetadataScrubber(ExtractionLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("a scrubber needs its limits");
        }
        this.limits = limits;
    }

    /**
     * @param format the format intake recognised from the content ({@code Extraction.format()})
     * @throws Unredactable when the file cannot be read, is too large, or is of a format without metadata
     *                      handling here (plain text, HTML and RTF are kept as text only)
     */
    public ScrubbedFile scrub(byte[] content, Format format) throws Unredactable {
        List<String> removed = new ArrayList<>();
        try {
            return switch (format) {
                case PDF -> new ScrubbedFile(pdf(content, removed), format, format.mediaType(), removed);
                case DOCX -> new ScrubbedFile(ZipParts.write(DocxMetadata.scrub(ZipParts.read(content, limits), removed)),
                        format, format.mediaType(), removed);
                case ODT -> new ScrubbedFile(ZipParts.write(OdtMetadata.scrub(ZipParts.read(content, limits), removed)),
                        format, format.mediaType(), removed);
                case IMAGE -> {
                    byte[] png = Images.png(Images.decode(content, limits));
                    removed.add("all image metadata (EXIF with GPS, XMP, comments, colour profile); written again as PNG");
                    yield new ScrubbedFile(png, format, Extension.PNG, removed);
                }
                case TEXT, HTML, RTF -> throw new Unredactable("A " + format.name().toLowerCase(java.util.Locale.ROOT)
                        + " file is kept as its extracted text only; there is no file to scrub.");
            };
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw Unredactable.unreadable(noun(format), e);
        }
    }

    private byte[] pdf(byte[] content, List<String> removed) throws Unredactable, IOException {
        PDDocument doc = PdfMetadata.load(content, limits);
        try {
            PdfMetadata.scrub(doc, removed);
            return PdfMetadata.save(doc);
        } finally {
            PdfMetadata.close(doc);
        }
    }

    static String noun(Format format) {
        return switch (format) {
            case PDF -> "PDF";
            case DOCX -> "Word document";
            case ODT -> "OpenDocument text";
            case IMAGE -> "image";
            default -> "file";
        };
    }
}
