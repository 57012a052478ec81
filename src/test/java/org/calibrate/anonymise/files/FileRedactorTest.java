package org.calibrate.anonymise.files;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.calibrate.intake.formats.ExtractionLimits;
import org.calibrate.intake.formats.Format;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileRedactorTest {
    private static final List<HiddenPhrase> STUDENT = List.of(new HiddenPhrase("Jordan Rivera", "[student]"),
            new HiddenPhrase("Jordan", "[student]"), new HiddenPhrase("Rivera", "[student]"),
            new HiddenPhrase("Mr. Hughes", "[teacher]"));
    private static final Tesseract NO_OCR = new Tesseract(Optional.empty(), Duration.ofSeconds(5));

    private final FileRedactor redactor = new FileRedactor(ExtractionLimits.defaults(), NO_OCR);

    @Test
    void aPdfIsRebuiltFromItsRedactedTextAndTheNameCannotBeExtracted() throws Exception {
        byte[] original = Fixtures.pdfWithMetadata("Essay by Jordan Rivera\nRIVERA argues that rain returns water.",
                "Page two: as Mr. Hughes said, jordan's cycle is complete.");
        assertTrue(text(original).contains("Jordan Rivera"));

        RedactedDocument redacted = redactor.redact(original, Format.PDF, STUDENT);

        String text = text(redacted.content());
        for (String name : List.of("Jordan", "Rivera", "RIVERA", "jordan", "Hughes")) {
            assertFalse(text.contains(name), name + " in " + text);
        }
        assertTrue(text.contains("Essay by [student]"), text);
        assertTrue(text.contains("[student] argues that rain returns water."), text);
        assertTrue(text.contains("as [teacher] said, [student]'s cycle"), text);
        assertFalse(new String(redacted.content(), StandardCharsets.ISO_8859_1).contains("Avery"), "metadata gone too");
        assertEquals(2, redacted.pages());
        assertEquals(List.of(), redacted.rasterisedPages());
        assertFalse(redacted.needsManualCheck());
    }

    @Test
    void aPageWithANameOnlyInAPictureIsRasterisedAndBoxed() throws Exception {
        byte[] original = Fixtures.pdfWithPictureOf("Essay by Jordan Rivera");
        Tesseract ocr = Tesseract.onPath();
        assumeTrue(ocr.available(), "the tesseract program is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)");

        RedactedDocument redacted = new FileRedactor(ExtractionLimits.defaults(), ocr).redact(original, Format.PDF, STUDENT);

        assertEquals(List.of(1), redacted.rasterisedPages());
        assertTrue(redacted.needsManualCheck());
        assertEquals("", text(redacted.content()).strip(), "a rasterised page has no text layer");
        try (PDDocument doc = Loader.loadPDF(redacted.content())) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            List<String> words = ocr.read(page).words().stream().map(Tesseract.Word::text).toList();
            assertTrue(words.contains("Essay"), words.toString());
            assertFalse(words.stream().anyMatch(w -> w.contains("Jordan") || w.contains("Rivera")), words.toString());
            assertTrue(blackPixels(page) > 2000, "boxes were painted");
        }
    }

    @Test
    void withoutOcrAPictureOnlyPageIsStillRasterisedAndMarkedForAManualCheck() throws Exception {
        RedactedDocument redacted = redactor.redact(Fixtures.pdfWithPictureOf("Essay by Jordan Rivera"), Format.PDF, STUDENT);

        assertEquals(List.of(1), redacted.rasterisedPages());
        assertTrue(redacted.needsManualCheck());
        assertTrue(redacted.notes().contains("OCR not available: page 1 is marked for a manual check"), redacted.notes().toString());
    }

    @Test
    void aPageWithTextAndAPictureIsRasterisedAndItsTextLayerNamesAreBoxedEvenWithoutOcr() throws Exception {
        byte[] original = Fixtures.pdfWithTextAndPicture("Essay by Jordan Rivera");

        RedactedDocument redacted = redactor.redact(original, Format.PDF, STUDENT);

        assertEquals(List.of(1), redacted.rasterisedPages());
        assertTrue(redacted.needsManualCheck());
        try (PDDocument source = Loader.loadPDF(original); PDDocument out = Loader.loadPDF(redacted.content())) {
            float scale = PdfRebuild.DPI / 72;
            List<Rectangle> name = TextBoxes.find(source, 1, new Phrases(STUDENT), scale);
            assertFalse(name.isEmpty());
            BufferedImage before = new PDFRenderer(source).renderImageWithDPI(0, PdfRebuild.DPI);
            BufferedImage after = new PDFRenderer(out).renderImageWithDPI(0, PdfRebuild.DPI);
            assertEquals(before.getWidth(), after.getWidth());
            assertTrue(blackPixels(before) < blackPixels(after) / 2, "the name's letters became solid boxes");
            for (Rectangle box : name) {
                assertEquals(0, after.getRGB((int) box.getCenterX(), (int) box.getCenterY()) & 0xFFFFFF, "box at " + box);
            }
            String essay = "Essay";
            assertTrue(TextBoxes.find(source, 1, new Phrases(List.of(new HiddenPhrase(essay, "[x]"))), scale).stream()
                    .anyMatch(b -> (after.getRGB((int) b.getCenterX(), (int) b.getCenterY()) & 0xFFFFFF) != 0),
                    "words not hidden stay as they were");
        }
    }

    @Test
    void aWordDocumentIsRebuiltWithItsTextRedactedAndNothingElse() throws Exception {
        byte[] original = Fixtures.docxWithPeople("Jordan Rivera wrote this; rivera checked it.", "Rain by Jordan");

        RedactedDocument redacted = redactor.redact(original, Format.DOCX, STUDENT);

        String text = DocxRebuild.text(redacted.content());
        for (String name : List.of("Jordan", "Rivera", "rivera", "Hughes", "Patel", "removedpassage", "Nice point")) {
            assertFalse(text.contains(name), name + " in " + text);
        }
        assertTrue(text.contains("[student] wrote this; [student] checked it."), text);
        assertTrue(text.contains("Rain by [student]"), text);
        assertTrue(text.contains("The water cycle"), text);
        assertTrue(text.contains("Evaporation drives it clearly and with evidence"), text);
        String allParts = String.join("\n", Fixtures.unzip(redacted.content()).values());
        for (String trace : List.of("Jordan", "Avery", "Hughes", "Patel", "QuillCorp")) {
            assertFalse(allParts.contains(trace), trace);
        }
        assertEquals("docx", redacted.extension());
    }

    @Test
    void anOdtBecomesAPdfOfItsRedactedText() throws Exception {
        RedactedDocument redacted = redactor.redact(Fixtures.odtWithPeople(), Format.ODT,
                List.of(new HiddenPhrase("Evaporation", "[word]")));

        assertEquals(Format.PDF, redacted.format());
        assertEquals("[word] drives the cycle. Rain follows.", text(redacted.content()).strip());
    }

    @Test
    void aPhotoIsAlwaysMarkedForAManualCheckAndComesOutAsPng() throws Exception {
        byte[] photo = Fixtures.jpegWithExif(Fixtures.line("Essay by Jordan Rivera", 900, 120, 48), 1);

        RedactedDocument redacted = redactor.redact(photo, Format.IMAGE, STUDENT);

        assertTrue(redacted.needsManualCheck());
        assertEquals("image/png", redacted.mediaType());
        assertTrue(redacted.notes().contains("OCR not available: the picture is marked for a manual check"), redacted.notes().toString());
        assertFalse(new String(redacted.content(), StandardCharsets.ISO_8859_1).contains("Exif"));
        assertTrue(ImageIO.read(new ByteArrayInputStream(redacted.content())) != null);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static int blackPixels(BufferedImage image) {
        int black = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                black += (image.getRGB(x, y) & 0xFFFFFF) == 0 ? 1 : 0;
            }
        }
        return black;
    }
}
