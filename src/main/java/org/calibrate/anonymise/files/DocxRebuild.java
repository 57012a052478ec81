package org.calibrate.anonymise.files;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new Word document holding the redacted text of a student's: paragraphs, headings (as bold, larger
 * text) and tables in their order, then footnotes and endnotes. Nothing else is carried over: not the
 * runs (whose splits could keep a name's letters apart from the check), nor headers and footers (where names
 * and page furniture live), nor comments, fields, pictures or properties.
 */
final class DocxRebuild {
    private static final Pattern HEADING = Pattern.compile("(?i)heading\\s*([1-9])|title");

    private final Phrases phrases;

    DocxRebuild(Phrases phrases) {
        this.phrases = phrases;
    }

    /** The rebuilt document, and in {@code notes} what was left out. */
    byte[] rebuild(byte[] docx, List<String> notes) throws IOException {
        try (XWPFDocument source = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFDocument out = new XWPFDocument()) {
            for (IBodyElement element : source.getBodyElements()) {
                copy(element, out);
            }
            List<XWPFAbstractFootnoteEndnote> notesInText = new ArrayList<>(source.getFootnotes());
            notesInText.addAll(source.getEndnotes());
            if (!notesInText.isEmpty()) {
                heading(out, "Notes", 2);
                for (XWPFAbstractFootnoteEndnote note : notesInText) {
                    for (IBodyElement element : note.getBodyElements()) {
                        copy(element, out);
                    }
                }
            }
            int pictures = source.getAllPictures().size();
            if (pictures > 0) {
                notes.add(pictures + (pictures == 1 ? " picture" : " pictures") + " of the Word document not carried"
                        + " over; the moderator sees them in the original");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.write(bytes);
            return bytes.toByteArray();
        }
    }

    /** The text of a Word document as POI reads it: how the check sees what a scorer could copy. */
    static String text(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    private void copy(IBodyElement element, XWPFDocument out) {
        if (element instanceof XWPFParagraph p) {
            String style = p.getStyle() == null ? "" : p.getStyle();
            Matcher heading = HEADING.matcher(style);
            if (heading.matches()) {
                heading(out, phrases.redact(p.getText()), heading.group(1) == null ? 1 : Integer.parseInt(heading.group(1)));
            } else {
                lines(out.createParagraph().createRun(), phrases.redact(p.getText()));
            }
        } else if (element instanceof XWPFTable table) {
            XWPFTable copy = out.createTable();
            List<XWPFTableRow> rows = table.getRows();
            for (int r = 0; r < rows.size(); r++) {
                XWPFTableRow row = r == 0 ? copy.getRow(0) : copy.createRow();
                List<XWPFTableCell> cells = rows.get(r).getTableCells();
                for (int c = 0; c < cells.size(); c++) {
                    XWPFTableCell cell = c < row.getTableCells().size() ? row.getCell(c) : row.addNewTableCell();
                    cell.setText(phrases.redact(cells.get(c).getText()));
                }
            }
        } else if (element instanceof XWPFSDT control) {
            lines(out.createParagraph().createRun(), phrases.redact(control.getContent().getText()));
        }
    }

    private static void heading(XWPFDocument out, String text, int level) {
        XWPFRun run = out.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(Math.max(12, 20 - 2 * level));
        lines(run, text);
    }

    private static void lines(XWPFRun run, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }
}
