package org.calibrate.anonymise.files;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.calibrate.intake.formats.ExtractionLimits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Removes from a PDF (ISO 32000-1) what records people or acts on opening: the document information
 * dictionary (14.3.3: author, creator, producer, title, dates), XMP metadata streams (14.3.2) of the
 * document, its pages and images, page-piece dictionaries (14.5: an application's private data), document
 * and page actions (12.6: JavaScript, OpenAction, AA), embedded files (7.11.4), article threads, every
 * annotation (12.5: teachers' comments, markup and popups live there, with their authors in /T) and the
 * interactive form with its field values (12.7). A full save writes only the objects still reachable, so
 * earlier revisions of an incrementally saved file are left behind.
 */
final class PdfMetadata {
    /** PDFBox's scratch memory may grow to this many times the file's size. */
    private static final long SCRATCH_PER_FILE_BYTE = 4;
    /** Forms inside forms: a real page nests a few; a hostile one could nest without end. */
    private static final int MAX_FORM_DEPTH = 8;
    private static final COSName PIECE_INFO = COSName.getPDFName("PieceInfo");

    private PdfMetadata() {
    }

    /** The PDF opened as a reader opens it (the empty password lifts an owner password's restrictions only). */
    static PDDocument load(byte[] pdf, ExtractionLimits limits) throws Unredactable {
        if (pdf.length > limits.maxFileBytes()) {
            throw Unredactable.tooLarge("The PDF has " + pdf.length + " bytes, more than " + limits.maxFileBytes());
        }
        MemoryUsageSetting memory = MemoryUsageSetting.setupMainMemoryOnly(SCRATCH_PER_FILE_BYTE * limits.maxFileBytes());
        PDDocument doc = null;
        try {
            doc = Loader.loadPDF(pdf, "", null, null, memory.streamCache);
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw Unredactable.tooLarge("The PDF has " + pages + " pages, more than " + limits.maxPages());
            }
            doc.setAllSecurityToBeRemoved(true);
            return doc;
        } catch (IOException | RuntimeException e) {
            close(doc);
            throw Unredactable.unreadable("PDF", e);
        } catch (Unredactable e) {
            close(doc);
            throw e;
        }
    }

    static void scrub(PDDocument doc, List<String> removed) {
        doc.getDocument().getTrailer().removeItem(COSName.INFO);
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        for (COSName key : List.of(COSName.METADATA, PIECE_INFO, COSName.OPEN_ACTION, COSName.AA, COSName.ACRO_FORM,
                COSName.THREADS, COSName.getPDFName("SpiderInfo"))) {
            catalog.removeItem(key);
        }
        COSDictionary names = catalog.getCOSDictionary(COSName.NAMES);
        if (names != null) {
            names.removeItem(COSName.EMBEDDED_FILES);
            names.removeItem(COSName.JAVA_SCRIPT);
        }
        for (PDPage page : doc.getPages()) {
            COSDictionary p = page.getCOSObject();
            for (COSName key : List.of(COSName.ANNOTS, COSName.METADATA, PIECE_INFO, COSName.AA, COSName.B,
                    COSName.getPDFName("Thumb"))) {
                p.removeItem(key);
            }
            scrubXObjects(page.getResources(), 0);
        }
        removed.add("document information (author, creator, producer, title, dates) and XMP metadata");
        removed.add("annotations (comments, markup, popups), form fields and their values");
        removed.add("scripts, actions, embedded files and application data");
    }

    private static void scrubXObjects(PDResources resources, int depth) {
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            try {
                PDXObject x = resources.getXObject(name);
                if (x == null) {
                    continue;
                }
                x.getCOSObject().removeItem(COSName.METADATA);
                x.getCOSObject().removeItem(PIECE_INFO);
                if (x instanceof PDFormXObject form) {
                    scrubXObjects(form.getResources(), depth + 1);
                }
            } catch (IOException e) {
                // A broken XObject is not drawn by any reader either; its metadata stays unreachable to no one,
                // so it is dropped from the resources altogether.
                resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).removeItem(name);
            }
        }
    }

    /**
     * Saved without object streams, so that every dictionary stays readable as bytes: the tests (and anyone
     * auditing a file) can search it for a name without decompressing it.
     */
    static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    static void close(PDDocument doc) {
        if (doc != null) {
            try {
                doc.close();
            } catch (IOException e) {
                // Only in-memory buffers to release; nothing to report.
            }
        }
    }
}
