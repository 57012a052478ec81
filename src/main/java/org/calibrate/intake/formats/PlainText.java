package org.calibrate.intake.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes without a known signature decoded as text: UTF-8 (with or without a byte-order mark), UTF-16 with
 * one, else windows-1252, the encoding of older Windows editors. Whatever decodes to control characters
 * rather than words is binary data, refused rather than shown as garbage.
 */
final class PlainText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PlainText() {
    }

    static String decode(byte[] b) throws Unreadable {
        String text;
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        } else if (starts(b, 0xFE, 0xFF) || starts(b, 0xFF, 0xFE)) {
            // The UTF_16 decoder reads the byte-order mark itself, and drops it.
            text = new String(b, StandardCharsets.UTF_16);
        } else {
            if (hasNul(b)) {
                throw binary();
            }
            text = strictUtf8(b);
            if (text == null) {
                text = new String(b, WINDOWS_1252);
            }
        }
        if (mostlyControls(text)) {
            throw binary();
        }
        return text;
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** More than one in fifty characters a control or undecodable: no editor writes that as text. */
    private static boolean mostlyControls(String text) {
        long bad = text.chars()
                .filter(c -> c == 0xFFFD || c == 0 || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                .count();
        return bad * 50 > text.length();
    }

    private static boolean hasNul(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Unreadable binary() {
        return Unreadable.unsupported("binary data in no document format Calibrate knows");
    }
}
