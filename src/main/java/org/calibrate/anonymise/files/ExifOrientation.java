package org.calibrate.anonymise.files;

import java.nio.charset.StandardCharsets;

/**
 * The orientation tag (0x0112) of a JPEG's EXIF block, read from the bytes: ImageIO ignores it, so a phone
 * photo taken upright would otherwise be written on its side once its EXIF is gone. JPEG segments follow
 * ITU T.81 B.1.1; EXIF is a TIFF structure (TIFF 6.0, section 2) in an APP1 segment that starts "Exif\0\0".
 */
final class ExifOrientation {
    static final int NORMAL = 1;
    private static final int ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /** 1 to 8 as EXIF defines them; 1 when there is no JPEG, no EXIF or no tag, or the block is broken. */
    static int of(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return NORMAL;
        }
        int at = 2;
        while (at + 4 <= b.length && (b[at] & 0xFF) == 0xFF) {
            int marker = b[at + 1] & 0xFF;
            int length = be16(b, at + 2);
            if (marker == 0xDA || length < 2) {
                return NORMAL; // start of scan: no more metadata segments
            }
            if (marker == 0xE1 && at + 10 <= b.length && new String(b, at + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return fromTiff(b, at + 10, Math.min(b.length, at + 2 + length));
            }
            at += 2 + length;
        }
        return NORMAL;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        try {
            boolean little = b[tiff] == 'I';
            int ifd = tiff + u32(b, tiff + 4, little);
            int entries = u16(b, ifd, little);
            for (int i = 0; i < entries; i++) {
                int entry = ifd + 2 + 12 * i;
                if (entry + 12 > end) {
                    return NORMAL;
                }
                if (u16(b, entry, little) == ORIENTATION) {
                    int value = u16(b, entry + 8, little);
                    return value >= 1 && value <= 8 ? value : NORMAL;
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return NORMAL;
        }
        return NORMAL;
    }

    private static int be16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : be16(b, at);
    }

    private static int u32(byte[] b, int at, boolean little) {
        return little ? u16(b, at, true) | u16(b, at + 2, true) << 16 : be16(b, at) << 16 | be16(b, at + 2);
    }
}
