package org.calibrate.intake.formats;

import org.calibrate.intake.formats.Unreadable.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.calibrate.intake.formats.Fixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OdtTextTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults());

    @Test
    void headingsAndParagraphsAreApartByABlankLine() throws Unreadable {
        Extraction e = extractor.extract(file("essay.odt", Fixtures.odt(
                "<text:h text:outline-level=\"1\">The Journey</text:h>"
                        + "<text:p>Odysseus <text:span>wanders</text:span> ten years.</text:p>"
                        + "<text:list><text:list-item><text:p>Troy</text:p></text:list-item></text:list>")));
        assertEquals(Format.ODT, e.format());
        assertEquals("The Journey\n\nOdysseus wanders ten years.\n\nTroy", e.text());
    }

    @Test
    void spacesTabsAndLineBreaksAreHonoured() throws Unreadable {
        Extraction e = extractor.extract(file("poem.odt", Fixtures.odt(
                "<text:p>one<text:s/>two<text:tab/>three<text:line-break/>four &amp; five\n six</text:p>")));
        assertEquals("one two\tthree\nfour & five six", e.text());
    }

    @Test
    void notesFollowTheBodyAndCommentsAndDeletionsAreLeftOut() throws Unreadable {
        Extraction e = extractor.extract(file("essay.odt", Fixtures.odt(
                "<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted draft.</text:p>"
                        + "</text:deletion></text:changed-region></text:tracked-changes>"
                        + "<text:p>Homer tells it twice.<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                        + "<text:note-body><text:p>Odyssey, book 8.</text:p></text:note-body></text:note> Then again."
                        + "<office:annotation><dc:creator>Jane Doe</dc:creator><text:p>Check this</text:p></office:annotation></text:p>")));
        assertEquals("Homer tells it twice. Then again.\n\nOdyssey, book 8.", e.text());
    }

    @Test
    void anEncryptedOdtIsEncrypted() {
        byte[] odt = Fixtures.odt(new byte[]{1, 2, 3, 4, 5}, true);
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.odt", odt)));
        assertEquals(Reason.ENCRYPTED, u.reason());
        assertEquals("The OpenDocument text is password-protected; ask the student to hand it in without a password.", u.getMessage());
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                + "<text:p>&x;</text:p></office:text></office:body></office:document-content>";
        Unreadable u = assertThrows(Unreadable.class,
                () -> extractor.extract(file("essay.odt", Fixtures.odt(xxe.getBytes(StandardCharsets.UTF_8), false))));
        assertEquals(Reason.CORRUPT, u.reason());
        assertFalse(u.getMessage().contains("root:"), u.getMessage());
    }

    @Test
    void anOdtWithoutContentIsCorrupt() {
        byte[] odt = Fixtures.zip(new java.util.LinkedHashMap<>(java.util.Map.of(
                "mimetype", Fixtures.ascii(Fixtures.ODT_TYPE))));
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.odt", odt)));
        assertEquals(Reason.CORRUPT, u.reason());
    }

    @Test
    void otherOpenDocumentsAreNamed() {
        byte[] ods = Fixtures.zip(new java.util.LinkedHashMap<>(java.util.Map.of(
                "mimetype", Fixtures.ascii("application/vnd.oasis.opendocument.spreadsheet"))));
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.odt", ods)));
        assertEquals(Reason.UNSUPPORTED, u.reason());
        assertTrue(u.getMessage().contains("OpenDocument spreadsheet"), u.getMessage());
    }
}
