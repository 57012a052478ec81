package org.calibrate.intake.formats;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a Word document (DOCX), read with Apache POI: body paragraphs and tables in order, then
 * footnotes and endnotes. Headers, footers and comments are left out on purpose: headers and footers hold
 * the student's name and page furniture rather than the work, and comments carry their author's name.
 */
final class DocxText {
    private static final String NOUN = "Word document";

    private final ExtractionLimits limits;

    DocxText(ExtractionLimits limits) {
        this.limits = limits;
    }

    /**
     * POI's own ZIP-bomb guards, checked on the bytes it actually unpacks (the directory's declared sizes,
     * which {@link ZipDirectory} checks first, may lie). They are JVM-wide settings in POI, so the last
     * extractor constructed sets them for all.
     */
    static void guardZipReading(ExtractionLimits limits) {
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxZipEntryBytes());
    }

    Extraction read(byte[] docx) throws Unreadable {
        BoundedText text = new BoundedText(limits);
        List<String> notes = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (IBodyElement element : doc.getBodyElements()) {
                append(element, text);
            }
            for (XWPFAbstractFootnoteEndnote note : footnotesAndEndnotes(doc)) {
                for (IBodyElement element : note.getBodyElements()) {
                    append(element, text);
                }
            }
            int pictures = doc.getAllPictures().size();
            if (pictures > 0) {
                notes.add(pictures + (pictures == 1 ? " picture" : " pictures")
                        + " in the document not shown in the text; the original shows them");
            }
        } catch (BoundedText.Overflow e) {
            throw Unreadable.tooMuchText(-1, limits.maxTextChars());
        } catch (IOException | RuntimeException e) {
            throw classify(e, text);
        }
        return Extraction.of(Format.DOCX, text.toString(), 1, notes);
    }

    private static List<XWPFAbstractFootnoteEndnote> footnotesAndEndnotes(XWPFDocument doc) {
        List<XWPFAbstractFootnoteEndnote> all = new ArrayList<>(doc.getFootnotes());
        all.addAll(doc.getEndnotes());
        return all;
    }

    private static void append(IBodyElement element, BoundedText text) throws BoundedText.Overflow {
        if (element instanceof XWPFParagraph paragraph) {
            text.append(paragraph.getText()).append("\n\n");
        } else if (element instanceof XWPFTable table) {
            // One line per row, cells apart by a tab: the table stays readable as plain text.
            for (XWPFTableRow row : table.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell cell : row.getTableCells()) {
                    cells.add(cell.getText().replace('\n', ' ').replace('\t', ' '));
                }
                text.append(String.join("\t", cells)).append("\n");
            }
            text.append("\n");
        } else if (element instanceof XWPFSDT control) {
            text.append(control.getContent().getText()).append("\n\n");
        }
    }

    /** POI reports most trouble as runtime exceptions, and its ZIP-bomb guards only by their message. */
    private Unreadable classify(Exception e, BoundedText text) {
        if (text.overflowed()) {
            return Unreadable.tooMuchText(-1, limits.maxTextChars());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("MAX_FILE_COUNT")) {
                return new Unreadable(Unreadable.Reason.TOO_LARGE, "The Word document unpacks to far more data than it"
                        + " holds, the mark of a ZIP bomb; it was not read. Ask the student to hand it in again, as PDF if"
                        + " it keeps failing.", e);
            }
            if (message.contains("Strict OOXML")) {
                return Unreadable.unsupported("a Word document saved as \"Strict Open XML\"", "ask the student to save it"
                        + " as an ordinary Word Document (.docx) or as PDF and hand that in.");
            }
        }
        return Unreadable.corrupt(NOUN, e);
    }
}
