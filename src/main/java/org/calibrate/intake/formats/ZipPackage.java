package org.calibrate.intake.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Which kind of document a ZIP holds, told by the parts it contains, as a word processor's own reader tells. */
final class ZipPackage {
    static final String ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text";
    private static final String EXPORT_ADVICE = "ask the student to export it as PDF or Word (DOCX) and hand that in.";

    private ZipPackage() {
    }

    /** DOCX or ODT; anything else is refused, named as what it looks like. */
    static Format identify(ZipDirectory zip) throws Unreadable {
        Optional<String> mimetype = mimetype(zip);
        if (mimetype.isPresent()) {
            // ODF 1.2 Part 3 (Packages), "MIME Media Type": the "mimetype" entry names the package's media type.
            String type = mimetype.get();
            if (type.equals(ODT_MEDIA_TYPE) || type.equals(ODT_MEDIA_TYPE + "-template")) {
                return Format.ODT;
            }
            if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
                throw Unreadable.unsupported("an OpenDocument spreadsheet (.ods)");
            }
            if (type.startsWith("application/vnd.oasis.opendocument.presentation")) {
                throw Unreadable.unsupported("an OpenDocument presentation (.odp)");
            }
            if (type.equals("application/epub+zip")) {
                throw Unreadable.unsupported("an e-book (EPUB)");
            }
        }
        // ECMA-376 Part 2 (OPC): every package has [Content_Types].xml; Word keeps its parts under word/.
        if (zip.entry("[Content_Types].xml").isPresent()) {
            if (zip.hasEntryUnder("word/")) {
                return Format.DOCX;
            }
            if (zip.hasEntryUnder("xl/")) {
                throw Unreadable.unsupported("an Excel workbook (.xlsx)");
            }
            if (zip.hasEntryUnder("ppt/")) {
                throw Unreadable.unsupported("a PowerPoint presentation (.pptx)", EXPORT_ADVICE);
            }
            throw Unreadable.unsupported("an Office file that is not a Word document");
        }
        if (zip.entries().stream().anyMatch(e -> e.name().startsWith("Index/") && e.name().endsWith(".iwa"))) {
            throw Unreadable.unsupported("an Apple Pages, Numbers or Keynote file", EXPORT_ADVICE);
        }
        throw Unreadable.unsupported("a ZIP archive", "ask the student to hand in the document itself, not an archive"
                + " (as PDF, Word (DOCX) or plain text).");
    }

    private static Optional<String> mimetype(ZipDirectory zip) throws Unreadable {
        Optional<ZipDirectory.Entry> entry = zip.entry("mimetype");
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(zip.readAll(entry.get(), 200), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw Unreadable.corrupt("document", e);
        }
    }
}
