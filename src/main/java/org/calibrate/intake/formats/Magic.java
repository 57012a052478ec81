package org.calibrate.intake.formats;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What a file is, judged from its first bytes (its "magic number" or container signature) and never from its
 * name or declared type: a renamed file, or a source that guesses the type from the name, must not decide
 * which parser a hostile file reaches.
 */
enum Magic {
    PDF("a PDF document", "PDF"),
    ZIP("a ZIP archive", "document"),
    OLE2("an older Microsoft Office file", "Office file"),
    RTF("a rich-text (RTF) document", "RTF document"),
    PNG("a PNG image", "image"),
    JPEG("a JPEG image", "image"),
    GIF("a GIF image", "image"),
    TIFF("a TIFF image", "image"),
    BMP("a BMP image", "image"),
    WEBP("a WebP image", "image"),
    HEIC("a HEIC photo (the iPhone camera's format)", "image"),
    AVIF("an AVIF image", "image"),
    ARCHIVE("a compressed archive (gzip, 7-Zip or RAR)", "archive"),
    PROGRAM("a program (an executable file)", "file"),
    MEDIA("an audio or video recording", "recording"),
    /** No signature: text, HTML, or binary data, which only decoding can tell apart. */
    NONE("a file", "file");

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    private final String description;
    private final String noun;

    Magic(String description, String noun) {
        this.description = description;
        this.noun = noun;
    }

    /** What the file looks like, for a teacher: "a PNG image". */
    String description() {
        return description;
    }

    /** How a message names it: "The PDF is damaged". */
    String noun() {
        return noun;
    }

    boolean image() {
        return noun.equals("image");
    }

    static Magic of(byte[] b) {
        int text = skipBomAndBlanks(b);
        // PDF readers accept junk before the header; we do not, so a text that merely mentions "%PDF-" stays text.
        if (at(b, text, "%PDF-")) {
            return PDF;
        }
        if (at(b, text, "{\\rtf")) {
            return RTF;
        }
        if (at(b, 0, 0x50, 0x4B, 0x03, 0x04) || at(b, 0, 0x50, 0x4B, 0x05, 0x06)) {
            return ZIP;
        }
        if (at(b, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE2;
        }
        return image(b);
    }

    private static Magic image(byte[] b) {
        if (at(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (at(b, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (at(b, 0, "GIF87a") || at(b, 0, "GIF89a")) {
            return GIF;
        }
        if (at(b, 0, 'I', 'I', 0x2A, 0x00) || at(b, 0, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        // "BM" alone is too weak (a text may start so): the reserved bytes are zero and the DIB header has a known size.
        if (at(b, 0, "BM") && b.length > 18 && at(b, 6, 0, 0, 0, 0) && Set.of(12, 40, 52, 56, 64, 108, 124).contains(le32(b, 14))) {
            return BMP;
        }
        if (at(b, 0, "RIFF") && b.length >= 12) {
            return at(b, 8, "WEBP") ? WEBP : MEDIA;
        }
        if (at(b, 4, "ftyp") && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            return HEIF_BRANDS.contains(brand) ? HEIC : AVIF_BRANDS.contains(brand) ? AVIF : MEDIA;
        }
        return other(b);
    }

    private static Magic other(byte[] b) {
        if (at(b, 0, 0x1F, 0x8B) || at(b, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C) || at(b, 0, "Rar!")) {
            return ARCHIVE;
        }
        if (at(b, 0, 0x7F, 'E', 'L', 'F') || at(b, 0, 0xCF, 0xFA, 0xED, 0xFE) || at(b, 0, 0xCA, 0xFE, 0xBA, 0xBE)
                || (at(b, 0, "MZ") && b.length > 64 && at(b, le32(b, 0x3C), 'P', 'E', 0, 0))) {
            return PROGRAM;
        }
        if (at(b, 0, "OggS") || at(b, 0, "fLaC") || (at(b, 0, "ID3") && b.length > 4 && b[3] <= 4 && b[4] == 0)) {
            return MEDIA;
        }
        return NONE;
    }

    private static int skipBomAndBlanks(byte[] b) {
        int i = at(b, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < b.length && i < 1024 && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean at(byte[] b, int offset, String ascii) {
        return at(b, offset, ascii.chars().toArray());
    }

    private static boolean at(byte[] b, int offset, int... expected) {
        if (offset < 0 || offset + (long) expected.length > b.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int le32(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16 | (b[offset + 3] & 0xFF) << 24;
    }
}
