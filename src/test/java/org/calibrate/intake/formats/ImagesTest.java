package org.calibrate.intake.formats;

import org.calibrate.intake.formats.Unreadable.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.calibrate.intake.formats.Fixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagesTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults());

    @Test
    void pngJpegAndGifAreCheckedAndLeftToAPerson() throws Unreadable {
        for (String format : new String[]{"png", "jpeg", "gif"}) {
            Extraction e = extractor.extract(file("essay.docx", Fixtures.image(format, 320, 200)));
            assertEquals(Format.IMAGE, e.format(), format);
            assertEquals("", e.text());
            assertTrue(e.needsManualCheck());
            assertEquals("image: no text extracted; needs a person's check", e.notes().get(0));
            assertTrue(e.notes().get(1).endsWith("320 × 200 pixels"), e.notes().toString());
        }
    }

    @Test
    void tiffIsReadWhereTheJdkCanDecodeIt() throws Unreadable {
        Extraction e = extractor.extract(file("scan.tif", Fixtures.image("tiff", 50, 60)));
        assertEquals(Format.IMAGE, e.format());
        assertEquals(1, e.pages());
    }

    @Test
    void heicAndWebpAreRecognisedButUnsupported() {
        byte[] heic = Fixtures.concat(new byte[]{0, 0, 0, 24}, Fixtures.ascii("ftypheic"), new byte[16]);
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("photo.jpg", heic)));
        assertEquals(Reason.UNSUPPORTED, u.reason());
        assertTrue(u.getMessage().contains("HEIC photo") && u.getMessage().contains("JPEG, PNG or PDF"), u.getMessage());

        byte[] webp = Fixtures.concat(Fixtures.ascii("RIFF"), new byte[]{26, 0, 0, 0}, Fixtures.ascii("WEBPVP8 "), new byte[18]);
        Unreadable w = assertThrows(Unreadable.class, () -> extractor.extract(file("photo.png", webp)));
        assertEquals(Reason.UNSUPPORTED, w.reason());
        assertTrue(w.getMessage().contains("WebP image"), w.getMessage());
    }

    @Test
    void aHugeImageIsRefusedFromItsHeaderBeforeDecoding() {
        // A PNG header claiming 100 000 × 100 000 pixels, with no pixel data: decoding would need 40 GB.
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("photo.png", pngHeaderOnly(100_000, 100_000))));
        assertEquals(Reason.TOO_LARGE, u.reason());
        assertTrue(u.getMessage().contains("100000 × 100000"), u.getMessage());
    }

    @Test
    void aTruncatedImageIsCorrupt() {
        byte[] png = Fixtures.image("png", 200, 200);
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("photo.png", Arrays.copyOf(png, png.length / 2))));
        assertEquals(Reason.CORRUPT, u.reason());
        assertTrue(u.getMessage().startsWith("The image is damaged"), u.getMessage());
    }

    private static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
