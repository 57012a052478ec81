package org.calibrate.intake.exports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The uploaded ZIP read into memory, up to a bound. Holding it lets the reader look at the end of the
 * archive (is it complete?) before unpacking anything, and read it a second time when entry names turn
 * out not to be UTF-8; a stream would allow neither.
 */
final class UploadBytes {
    private static final int FIRST_CAPACITY = 64 * 1024;

    private UploadBytes() {
    }

    /** The bytes and how many of them are used; the array is not trimmed, to spare a copy of up to half a GiB. */
    record Upload(byte[] bytes, int length) {
    }

    static Upload read(InputStream in, long maxBytes) throws IOException, ExportZipRefused {
        byte[] buffer = new byte[(int) Math.min(FIRST_CAPACITY, maxBytes + 1)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                // Grow to one byte past the limit at most: enough to tell "exactly the limit" from "over it".
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) length * 2, maxBytes + 1));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        if (length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return new Upload(buffer, length);
    }

    private static ExportZipRefused tooLarge(long maxBytes) {
        return new ExportZipRefused(ExportZipRefused.Reason.TOO_LARGE, "The ZIP is larger than " + Sizes.shown(maxBytes)
                + ". Download the submissions in smaller parts (for example one group at a time) and upload each part.");
    }
}
