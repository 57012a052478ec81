package org.calibrate.intake.formats;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.calibrate.intake.formats.Unreadable.Reason;
import org.junit.jupiter.api.Test;

import static org.calibrate.intake.formats.Fixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocxTextTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults());

    @Test
    void paragraphsAreApartByABlankLine() throws Unreadable {
        Extraction e = extractor.extract(file("essay.docx", Fixtures.docx("First paragraph.", "  Second   paragraph.  ", "", "Third.")));
        assertEquals(Format.DOCX, e.format());
        assertEquals("First paragraph.\n\nSecond paragraph.\n\nThird.", e.text());
        assertEquals(1, e.pages());
    }

    @Test
    void tablesBecomeRowsOfTabSeparatedCells() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Before the table.");
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Claim");
            table.getRow(0).getCell(1).setText("Evidence");
            table.getRow(1).getCell(0).setText("Troy fell");
            table.getRow(1).getCell(1).setText("Book II");
            doc.createParagraph().createRun().setText("After the table.");
            docx = Fixtures.save(doc);
        }
        assertEquals("Before the table.\n\nClaim\tEvidence\nTroy fell\tBook II\n\nAfter the table.",
                extractor.extract(file("essay.docx", docx)).text());
    }

    @Test
    void lineBreaksInsideAParagraphStayLineBreaks() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFRun run = doc.createParagraph().createRun();
            run.setText("Roses are red,");
            run.addBreak();
            run.setText("violets are blue.");
            docx = Fixtures.save(doc);
        }
        assertEquals("Roses are red,\nviolets are blue.", extractor.extract(file("poem.docx", docx)).text());
    }

    @Test
    void footnotesFollowTheBodyAndHeadersAreLeftOut() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun()
                    .setText("Jane Doe, class 9b");
            XWPFParagraph body = doc.createParagraph();
            body.createRun().setText("Homer tells it twice.");
            XWPFFootnote note = doc.createFootnote();
            body.addFootnoteReference(note);
            note.createParagraph().createRun().setText("Odyssey, book 8.");
            docx = Fixtures.save(doc);
        }
        String text = extractor.extract(file("essay.docx", docx)).text();
        assertTrue(text.startsWith("Homer tells it twice."), text);
        assertTrue(text.endsWith("Odyssey, book 8."), text);
        assertFalse(text.contains("Jane Doe"), text);
    }

    @Test
    void aPasswordProtectedDocxIsEncrypted() {
        byte[] encrypted = Fixtures.encryptedDocx(Fixtures.docx("Secret essay."), "pa55word");
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.docx", encrypted)));
        assertEquals(Reason.ENCRYPTED, u.reason());
        assertTrue(u.getMessage().contains("password-protected"), u.getMessage());
    }

    @Test
    void aLegacyDocIsUnsupportedWithAdviceToSaveAsDocxOrPdf() {
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.docx", Fixtures.legacyDoc())));
        assertEquals(Reason.UNSUPPORTED, u.reason());
        assertTrue(u.getMessage().contains("older Word document (.doc)"), u.getMessage());
        assertTrue(u.getMessage().contains("save it as DOCX or PDF"), u.getMessage());
    }

    @Test
    void picturesAreNotedButNotFlaggedWhenThereIsText() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFRun run = doc.createParagraph().createRun();
            run.setText("See the diagram.");
            run.addPicture(new java.io.ByteArrayInputStream(Fixtures.image("png", 10, 10)),
                    org.apache.poi.common.usermodel.PictureType.PNG, "d.png", 100_000, 100_000);
            docx = Fixtures.save(doc);
        }
        Extraction e = extractor.extract(file("essay.docx", docx));
        assertEquals("See the diagram.", e.text());
        assertFalse(e.needsManualCheck());
        assertTrue(e.notes().stream().anyMatch(n -> n.startsWith("1 picture")), e.notes().toString());
    }

    @Test
    void aDocxWithoutTextNeedsAPerson() throws Unreadable {
        Extraction e = extractor.extract(file("essay.docx", Fixtures.docx()));
        assertEquals("", e.text());
        assertTrue(e.needsManualCheck());
    }
}
