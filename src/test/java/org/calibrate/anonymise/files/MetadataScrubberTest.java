package org.calibrate.anonymise.files;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.calibrate.intake.entity.SubmittedFile;
import org.calibrate.intake.formats.Extractor;
import org.calibrate.intake.formats.ExtractionLimits;
import org.calibrate.intake.formats.Format;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataScrubberTest {
    private final MetadataScrubber scrubber = new MetadataScrubber(ExtractionLimits.defaults());

    @Test
    void pdfLosesInfoXmpAndAnnotationsButKeepsItsText() throws Exception {
        byte[] original = Fixtures.pdfWithMetadata("The water cycle has four stages.");
        List<String> traces = List.of("Avery", "QuillWriter", "QuillPress", "Hughes");
        // The fixture really carries them, as bytes anyone could read: otherwise the checks below prove nothing.
        traces.forEach(t -> assertTrue(latin1(original).contains(t), t));

        ScrubbedFile scrubbed = scrubber.scrub(original, Format.PDF);

        traces.forEach(t -> assertFalse(latin1(scrubbed.content()).contains(t), t + " survived as bytes"));
        try (PDDocument doc = Loader.loadPDF(scrubbed.content())) {
            assertNull(doc.getDocument().getTrailer().getCOSDictionary(org.apache.pdfbox.cos.COSName.INFO));
            assertNull(doc.getDocumentInformation().getAuthor());
            assertNull(doc.getDocumentCatalog().getMetadata());
            for (PDPage page : doc.getPages()) {
                assertTrue(page.getAnnotations().isEmpty());
            }
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).contains("four stages"));
        }
        assertEquals("pdf", scrubbed.extension());
    }

    @Test
    void docxKeepsNoAuthorCommenterEditorOrPropertyInAnyPart() throws Exception {
        byte[] original = Fixtures.docxWithPeople("Clouds form when vapour cools.", "Rain");
        List<String> traces = List.of("Hughes", "Patel", "Avery", "QuillCorp", "Overseer", "QUILLID", "removedpassage",
                "Nice point", "rsid", "author", "2024-0");
        String before = String.join("\n", Fixtures.xmlParts(Fixtures.unzip(original)));
        traces.forEach(t -> assertTrue(before.contains(t), t));

        ScrubbedFile scrubbed = scrubber.scrub(original, Format.DOCX);

        Map<String, String> parts = Fixtures.unzip(scrubbed.content());
        for (String part : Fixtures.xmlParts(parts)) {
            for (String t : traces) {
                assertFalse(part.contains(t), t + " survived in " + part);
            }
        }
        assertFalse(parts.containsKey("word/comments.xml"));
        assertFalse(parts.containsKey("word/people.xml"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(scrubbed.content()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String body = text.getText();
            assertTrue(body.contains("Evaporation drives it clearly and with evidence"), body);
            assertTrue(body.contains("Clouds form when vapour cools."), body);
        }
    }

    @Test
    void odtLosesMetaCommentsAndTrackedChanges() throws Exception {
        byte[] original = Fixtures.odtWithPeople();
        List<String> traces = List.of("Hughes", "Patel", "Avery", "QUILLID", "removedpassage", "Nice point", "2024-03");
        String before = String.join("\n", Fixtures.unzip(original).values());
        traces.forEach(t -> assertTrue(before.contains(t), t));

        ScrubbedFile scrubbed = scrubber.scrub(original, Format.ODT);

        Map<String, String> parts = Fixtures.unzip(scrubbed.content());
        for (Map.Entry<String, String> part : parts.entrySet()) {
            for (String t : traces) {
                assertFalse(part.getValue().contains(t), t + " survived in " + part.getKey());
            }
        }
        assertEquals("mimetype", parts.keySet().iterator().next(), "ODF wants the mimetype first");
        String text = new Extractor(ExtractionLimits.defaults())
                .extract(new SubmittedFile("piece.odt", Optional.empty(), scrubbed.content())).text();
        assertEquals("Evaporation drives the cycle. Rain follows.", text);
    }

    @Test
    void jpegComesOutAsPngWithoutExifOrGps() throws Exception {
        BufferedImage photo = Fixtures.line("Lab notes", 300, 80, 24);
        byte[] original = Fixtures.jpegWithExif(photo, 1);
        assertTrue(latin1(original).contains("Exif"));
        assertTrue(latin1(original).contains("Avery Quill"));
        assertTrue(ImageIO.read(new ByteArrayInputStream(original)) != null, "the fixture is a readable JPEG");

        ScrubbedFile scrubbed = scrubber.scrub(original, Format.IMAGE);

        String bytes = latin1(scrubbed.content());
        assertTrue(bytes.startsWith("\u0089PNG"));
        for (String marker : List.of("Exif", "GPS", "Avery", "eXIf", "tEXt", "iTXt", "zTXt", "iCCP")) {
            assertFalse(bytes.contains(marker), marker);
        }
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(scrubbed.content()));
        assertEquals(300, out.getWidth());
        assertEquals("image/png", scrubbed.mediaType());
        assertEquals("png", scrubbed.extension());
    }

    @Test
    void aPhotoTakenUprightStaysUprightOnceItsExifIsGone() throws Exception {
        // Orientation 6: the camera stored the picture turned; a viewer turns it a quarter clockwise to show it.
        byte[] original = Fixtures.jpegWithExif(Fixtures.line("x", 300, 80, 24), 6);

        BufferedImage out = ImageIO.read(new ByteArrayInputStream(scrubber.scrub(original, Format.IMAGE).content()));

        assertEquals(80, out.getWidth());
        assertEquals(300, out.getHeight());
    }

    @Test
    void aDamagedFileIsRefusedWithAMessageThatSaysWhatToDo() {
        byte[] broken = "%PDF-1.7 then nothing".getBytes(StandardCharsets.US_ASCII);

        Unredactable e = assertThrows(Unredactable.class, () -> scrubber.scrub(broken, Format.PDF));

        assertTrue(e.getMessage().contains("redact it by hand"), e.getMessage());
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
