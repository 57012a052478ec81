package org.calibrate.intake.exports;

/**
 * Tells a ZIP from the other files teachers upload by mistake, by their first bytes, so the refusal
 * can say what the file is instead of only what it is not.
 */
final class Formats {
    private Formats() {
    }

    static void requireZip(byte[] bytes, int length) throws ExportZipRefused {
        if (starts(bytes, length, 'P', 'K', 3, 4) || starts(bytes, length, 'P', 'K', 5, 6)) {
            return; // a first entry, or the end record of an empty archive
        }
        String what = starts(bytes, length, 'R', 'a', 'r', '!') ? "a RAR archive"
                : starts(bytes, length, '7', 'z', 0xBC, 0xAF) ? "a 7-Zip archive"
                : starts(bytes, length, 0x1F, 0x8B) ? "a gzip file"
                : starts(bytes, length, '%', 'P', 'D', 'F') ? "a PDF document"
                : length == 0 ? "empty" : "not a ZIP archive";
        String message = what.equals("not a ZIP archive") || what.equals("empty")
                ? "The uploaded file is " + what + "."
                : "The uploaded file is " + what + ", not a ZIP archive.";
        throw new ExportZipRefused(ExportZipRefused.Reason.NOT_A_ZIP, message
                + " Upload the ZIP the LMS's \"download all submissions\" produced.");
    }

    private static boolean starts(byte[] bytes, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
