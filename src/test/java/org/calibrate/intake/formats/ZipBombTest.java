package org.calibrate.intake.formats;

import org.calibrate.intake.formats.Unreadable.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.calibrate.intake.formats.Fixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Small files that unfold into huge ones. Each is refused by the sizes it declares, or, when it lies about them,
 * while it is unpacked, at the bound: no test here could pass by unpacking the whole bomb, whose size is far
 * beyond what these tests' heap would hold for a DOCX read wholly into memory.
 */
class ZipBombTest {
    private static final int MIB = 1024 * 1024;

    @Test
    void aDocxWhoseDirectoryDeclaresAHugeEntryIsRefusedUnopened() throws IOException {
        byte[] bomb = docxWithDocument(' ', 120 * MIB);
        assertTrue(bomb.length < 2 * MIB, "the bomb is small: " + bomb.length);
        Unreadable u = assertThrows(Unreadable.class, () -> new Extractor(ExtractionLimits.defaults()).extract(file("essay.docx", bomb)));
        assertEquals(Reason.TOO_LARGE, u.reason());
        assertTrue(u.getMessage().contains("(120 MB in one part), the mark of a ZIP bomb"), u.getMessage());
    }

    @Test
    void aDocxThatShrankBeyondTheInflateRatioIsRefusedUnopened() throws IOException {
        Unreadable u = assertThrows(Unreadable.class,
                () -> new Extractor(ExtractionLimits.defaults()).extract(file("essay.docx", docxWithDocument(' ', 20 * MIB))));
        assertEquals(Reason.TOO_LARGE, u.reason());
        assertTrue(u.getMessage().contains("(20 MB in one part)"), u.getMessage());
    }

    @Test
    void aDocxThatLiesAboutItsSizesIsStoppedByPoisGuardWhileUnpacking() throws IOException {
        byte[] bomb = docxWithDocument(' ', 20 * MIB);
        understateSize(bomb, "word/document.xml");
        Unreadable u = assertThrows(Unreadable.class, () -> new Extractor(ExtractionLimits.defaults()).extract(file("essay.docx", bomb)));
        assertEquals(Reason.TOO_LARGE, u.reason());
        assertTrue(u.getMessage().startsWith("The Word document unpacks"), u.getMessage());
        assertTrue(String.valueOf(u.getCause()).contains("Zip bomb detected"), String.valueOf(u.getCause()));
    }

    @Test
    void anOdtThatLiesAboutItsSizesIsStoppedAtTheEntryBound() throws IOException {
        ExtractionLimits oneMib = new ExtractionLimits(25L * MIB, 200, 100_000, 50_000_000L, 0.01, MIB);
        byte[] padding = new byte[3 * MIB];
        Arrays.fill(padding, (byte) ' ');
        String xml = Fixtures.odtContent("<text:p>Short.</text:p>");
        int body = xml.indexOf("<office:body>");
        // The padding sits in a comment: it is no text, so only the entry's bound can stop it.
        byte[] content = Fixtures.concat(Fixtures.ascii(xml.substring(0, body) + "<!--"), padding,
                Fixtures.ascii("-->" + xml.substring(body)));
        byte[] odt = Fixtures.odt(content, false);
        understateSize(odt, "content.xml");
        Unreadable u = assertThrows(Unreadable.class, () -> new Extractor(oneMib).extract(file("essay.odt", odt)));
        assertEquals(Reason.TOO_LARGE, u.reason());
        assertTrue(u.getMessage().startsWith("The document's text part unpacks to more than 1 MB"), u.getMessage());
    }

    /** A Word package whose document part is {@code size} copies of one byte: it compresses about a thousandfold. */
    private static byte[] docxWithDocument(char fill, int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(Fixtures.ascii("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] chunk = new byte[MIB];
            Arrays.fill(chunk, (byte) fill);
            for (int written = 0; written < size; written += MIB) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Rewrites the entry's uncompressed size in the central directory to twice its compressed size: a liar's ZIP. */
    private static void understateSize(byte[] zip, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + 46 + wanted.length <= zip.length; at++) {
            if (zip[at] == 0x50 && zip[at + 1] == 0x4B && zip[at + 2] == 0x01 && zip[at + 3] == 0x02
                    && Arrays.equals(Arrays.copyOfRange(zip, at + 46, at + 46 + wanted.length), wanted)) {
                long compressed = (zip[at + 20] & 0xFFL) | (zip[at + 21] & 0xFFL) << 8 | (zip[at + 22] & 0xFFL) << 16 | (zip[at + 23] & 0xFFL) << 24;
                long claimed = compressed * 2;
                for (int i = 0; i < 4; i++) {
                    zip[at + 24 + i] = (byte) (claimed >>> (8 * i));
                }
                return;
            }
        }
        throw new IllegalStateException("no central directory entry for " + name);
    }
}
