package org.calibrate.intake.formats;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The text of a PDF, read with Apache PDFBox, page count first so that an endless document is refused unread. */
final class PdfText {
    private static final String NOUN = "PDF";
    /** PDFBox's scratch memory (streams it decodes or creates) may grow to this many times the file's size. */
    private static final long SCRATCH_PER_FILE_BYTE = 4;

    private final ExtractionLimits limits;

    PdfText(ExtractionLimits limits) {
        this.limits = limits;
    }

    Extraction read(byte[] pdf) throws Unreadable {
        BoundedText text = new BoundedText(limits);
        List<String> notes = new ArrayList<>();
        MemoryUsageSetting memory = MemoryUsageSetting.setupMainMemoryOnly(SCRATCH_PER_FILE_BYTE * limits.maxFileBytes());
        // The empty password opens a PDF with only an owner password (restrictions on printing, copying…), as
        // every reader does; one with a user password cannot be opened and says so.
        try (PDDocument doc = Loader.loadPDF(pdf, "", null, null, memory.streamCache)) {
            int pages = doc.getNumberOfPages();
            if (pages < 1) {
                throw Unreadable.corrupt(NOUN, null);
            }
            if (pages > limits.maxPages()) {
                throw Unreadable.tooLarge("The PDF has " + pages + " pages; at most " + limits.maxPages() + " can be read."
                        + " Ask the student to hand in only the work for this task.");
            }
            if (doc.isEncrypted()) {
                notes.add("the PDF restricts copying or printing (an owner password); its text was read as any PDF reader shows it");
            }
            stripper().writeText(doc, text.writer());
            String found = text.toString();
            Extraction extraction = Extraction.of(Format.PDF, found, pages, notes);
            return extraction.text().isEmpty()
                    ? extraction.flagged("the PDF has no text layer (probably scanned or photographed); needs a person's check")
                    : extraction;
        } catch (InvalidPasswordException e) {
            throw Unreadable.encrypted(NOUN);
        } catch (IOException e) {
            if (text.overflowed()) {
                throw Unreadable.tooMuchText(-1, limits.maxTextChars());
            }
            throw Unreadable.corrupt(NOUN, e);
        }
    }

    /** Paragraphs as PDFBox detects them (by indent and spacing) get a blank line; layout lines stay lines. */
    private static PDFTextStripper stripper() {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setAddMoreFormatting(true);
        stripper.setLineSeparator("\n");
        stripper.setParagraphEnd("\n");
        stripper.setPageEnd("\n");
        return stripper;
    }
}
