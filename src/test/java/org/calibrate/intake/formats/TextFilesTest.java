package org.calibrate.intake.formats;

import org.calibrate.intake.formats.Unreadable.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.calibrate.intake.formats.Fixtures.concat;
import static org.calibrate.intake.formats.Fixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain text in the encodings students' editors write, and RTF. */
class TextFilesTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults());

    @Test
    void utf8IsReadAndItsByteOrderMarkStripped() throws Unreadable {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Extraction e = extractor.extract(file("essay.txt", concat(bom, "Ça va: 3 € — naïve\r\n\r\n\r\nNext.".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Format.TEXT, e.format());
        assertEquals("Ça va: 3 € — naïve\n\nNext.", e.text());
    }

    @Test
    void latin1TextIsDecodedAsWindows1252() throws Unreadable {
        byte[] latin1 = "Café, crème brûlée, Straße – “quoted”".getBytes(Charset.forName("windows-1252"));
        assertEquals("Café, crème brûlée, Straße – “quoted”", extractor.extract(file("essay.txt", latin1)).text());
    }

    @Test
    void utf16WithAByteOrderMarkIsRead() throws Unreadable {
        assertEquals("Ünïcode text", extractor.extract(file("essay.txt", "\uFEFFÜnïcode text".getBytes(StandardCharsets.UTF_16LE))).text());
        assertEquals("Ünïcode text", extractor.extract(file("essay.txt", "\uFEFFÜnïcode text".getBytes(StandardCharsets.UTF_16BE))).text());
    }

    @Test
    void linesKeepTheirBreaksAndLoseTheirTrailingBlanks() throws Unreadable {
        assertEquals("Line one\nline two\n\nNew paragraph.",
                extractor.extract(file("essay.txt", Fixtures.ascii("  Line   one  \nline two\t\n\n\n\nNew paragraph.\n"))).text());
    }

    @Test
    void controlCharactersMarkBinaryData() {
        byte[] b = new byte[200];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 2 == 0 ? 'a' : 0x01);
        }
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.txt", b)));
        assertEquals(Reason.UNSUPPORTED, u.reason());
    }

    @Test
    void rtfParagraphsAndEscapesAreRead() throws Unreadable {
        String rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
                + "\\f0\\fs24 The caf\\'e9 opens.\\par {\\b Bold} claim.\\par }";
        Extraction e = extractor.extract(file("essay.doc", Fixtures.ascii(rtf)));
        assertEquals(Format.RTF, e.format());
        assertEquals("The café opens.\n\nBold claim.", e.text());
    }

    @Test
    void textThatOnlyMentionsRtfOrPdfStaysText() throws Unreadable {
        Extraction e = extractor.extract(file("notes.rtf", Fixtures.ascii("My notes on {\\rtf and %PDF- headers.")));
        assertEquals(Format.TEXT, e.format());
        assertTrue(e.text().startsWith("My notes"));
    }
}
