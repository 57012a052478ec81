package org.calibrate.intake.formats;

import org.calibrate.intake.formats.Unreadable.Reason;
import org.calibrate.rounds.entity.Piece;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.calibrate.intake.formats.Fixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recognition from content and the refusals every format shares: empty, too large, damaged, unknown. */
class ExtractorTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults());

    @Test
    void everyFormatIsRecognisedFromItsContentWhateverTheNameSays() throws Unreadable {
        assertEquals(Format.PDF, extractor.extract(file("essay.docx", Fixtures.pdf(List.of("A PDF.")))).format());
        assertEquals(Format.DOCX, extractor.extract(file("essay.pdf", "application/pdf", Fixtures.docx("A DOCX."))).format());
        assertEquals(Format.ODT, extractor.extract(file("essay.txt", "text/plain", Fixtures.odt("<text:p>An ODT.</text:p>"))).format());
        assertEquals(Format.RTF, extractor.extract(file("essay.txt", Fixtures.ascii("{\\rtf1\\ansi An RTF.\\par}"))).format());
        assertEquals(Format.IMAGE, extractor.extract(file("essay.pdf", "application/pdf", Fixtures.image("png", 40, 30))).format());
        assertEquals(Format.TEXT, extractor.extract(file("essay.pdf", "application/pdf", Fixtures.ascii("Just text."))).format());
        assertEquals(Format.HTML, extractor.extract(file("essay.txt", Fixtures.ascii("<!DOCTYPE html><p>Markup.</p>"))).format());
    }

    @Test
    void aPdfRenamedDocxIsReadAsThePdfItIs() throws Unreadable {
        Extraction e = extractor.extract(file("essay.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Fixtures.pdf(List.of("Renamed but whole."))));
        assertEquals(Format.PDF, e.format());
        assertEquals("Renamed but whole.", e.text());
    }

    @Test
    void theNameOnlyBreaksTheTieBetweenATagFragmentAndPlainText() throws Unreadable {
        byte[] fragment = Fixtures.ascii("<p>First</p><p>Second</p>");
        assertEquals(Format.HTML, extractor.extract(file("answer.html", fragment)).format());
        assertEquals(Format.HTML, extractor.extract(file("answer", "text/html; charset=utf-8", fragment)).format());
        Extraction plain = extractor.extract(file("answer.txt", fragment));
        assertEquals(Format.TEXT, plain.format());
        assertEquals("<p>First</p><p>Second</p>", plain.text());
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() {
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.docx", new byte[0])));
        assertEquals(Reason.EMPTY, u.reason());
        assertTrue(u.getMessage().contains("empty"), u.getMessage());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsLookedAt() {
        ExtractionLimits small = new ExtractionLimits(1000, 200, 100_000, 50_000_000L, 0.01, 100L << 20);
        byte[] text = new byte[1001];
        Arrays.fill(text, (byte) 'a');
        Unreadable u = assertThrows(Unreadable.class, () -> new Extractor(small).extract(file("essay.txt", text)));
        assertEquals(Reason.TOO_LARGE, u.reason());
        assertTrue(u.getMessage().contains("MB"), u.getMessage());
    }

    @Test
    void textLongerThanAPieceHoldsIsRefusedWithTheReasonNotCutShort() {
        String words = "word ".repeat(25_000);
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.txt", words.getBytes(StandardCharsets.US_ASCII))));
        assertEquals(Reason.TOO_LARGE, u.reason());
        assertTrue(u.getMessage().contains("124999 characters") && u.getMessage().contains("100000"), u.getMessage());
    }

    @Test
    void aTruncatedPdfIsCorrupt() {
        byte[] pdf = Fixtures.pdf(List.of("Whole sentence one.", "Whole sentence two."));
        byte[] cut = Arrays.copyOf(pdf, pdf.length / 3);
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.pdf", cut)));
        assertEquals(Reason.CORRUPT, u.reason());
        assertTrue(u.getMessage().startsWith("The PDF is damaged"), u.getMessage());
    }

    @Test
    void aBrokenZipIsCorrupt() {
        byte[] docx = Fixtures.docx("Some text.");
        byte[] cut = Arrays.copyOf(docx, docx.length - 40);
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.docx", cut)));
        assertEquals(Reason.CORRUPT, u.reason());
    }

    @Test
    void randomBytesAreUnsupported() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 'x';
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.docx", noise)));
        assertEquals(Reason.UNSUPPORTED, u.reason());
        assertTrue(u.getMessage().contains("binary data"), u.getMessage());
    }

    @Test
    void knownButUnreadableFormatsAreNamed() {
        Unreadable gzip = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.pdf", new byte[]{0x1F, (byte) 0x8B, 8, 0, 0, 0})));
        assertEquals(Reason.UNSUPPORTED, gzip.reason());
        assertTrue(gzip.getMessage().contains("compressed archive"), gzip.getMessage());

        byte[] xlsx = Fixtures.zip(new LinkedHashMap<>(Map.of(
                "[Content_Types].xml", Fixtures.ascii("<Types/>"), "xl/workbook.xml", Fixtures.ascii("<workbook/>"))));
        Unreadable excel = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.docx", xlsx)));
        assertEquals(Reason.UNSUPPORTED, excel.reason());
        assertTrue(excel.getMessage().contains("Excel workbook"), excel.getMessage());

        byte[] archive = Fixtures.zip(new LinkedHashMap<>(Map.of("essay.txt", Fixtures.ascii("text"))));
        Unreadable zip = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.zip", archive)));
        assertEquals(Reason.UNSUPPORTED, zip.reason());
        assertTrue(zip.getMessage().contains("a ZIP archive"), zip.getMessage());
    }

    @Test
    void messagesNeverRepeatTheFileNameWhichMayNameTheStudent() {
        Unreadable u = assertThrows(Unreadable.class,
                () -> extractor.extract(file("Jane_Doe_essay.pdf", Arrays.copyOf(Fixtures.pdf(List.of("x")), 200))));
        assertFalse(u.getMessage().contains("Jane"), u.getMessage());
    }

    @Test
    void aFileWithoutTextIsFlaggedForAPerson() throws Unreadable {
        Extraction e = extractor.extract(file("essay.txt", Fixtures.ascii(" \n\n \t ")));
        assertEquals("", e.text());
        assertTrue(e.needsManualCheck());
        assertTrue(e.notes().contains("no text found; needs a person's check"), e.notes().toString());
    }

    @Test
    void theDefaultTextLimitIsWhatAPieceHolds() {
        assertEquals(Piece.MAX_TEXT, ExtractionLimits.defaults().maxTextChars());
        ExtractionLimits d = ExtractionLimits.defaults();
        assertEquals(25L << 20, d.maxFileBytes());
        assertEquals(200, d.maxPages());
        assertEquals(50_000_000L, d.maxPixels());
        assertEquals(0.01, d.minInflateRatio());
        assertEquals(100L << 20, d.maxZipEntryBytes());
    }

    @Test
    void mediaTypesAreTheRegisteredOnes() {
        assertEquals("application/pdf", Format.PDF.mediaType());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Format.DOCX.mediaType());
        assertEquals("application/vnd.oasis.opendocument.text", Format.ODT.mediaType());
    }
}
