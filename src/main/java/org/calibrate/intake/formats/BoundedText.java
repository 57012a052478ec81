package org.calibrate.intake.formats;

import java.io.IOException;
import java.io.Writer;
import java.nio.CharBuffer;

/**
 * Text gathered from a document, refused once it grows past a bound. The bound is on the raw text, before
 * whitespace is normalised, so it is a few times the piece's limit: the point is to stop a document that
 * unfolds into megabytes of text while it is being read, not to measure the final length.
 */
final class BoundedText {
    /** Raw text may hold this many characters per character of the piece's limit (spacing, layout). */
    static final int RAW_PER_FINAL = 4;

    /** Thrown by {@link #append}; an IOException so that libraries writing to {@link #writer()} pass it through. */
    static final class Overflow extends IOException {
        private static final long serialVersionUID = 1L;

        Overflow() {
            super("the extracted text exceeds its bound");
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final long max;
    private boolean overflowed;

    BoundedText(ExtractionLimits limits) {
        this.max = (long) limits.maxTextChars() * RAW_PER_FINAL;
    }

    BoundedText append(CharSequence s) throws Overflow {
        if (overflowed || text.length() + (long) s.length() > max) {
            // Remembered, because a library may catch and wrap the exception on its way out.
            overflowed = true;
            throw new Overflow();
        }
        text.append(s);
        return this;
    }

    boolean overflowed() {
        return overflowed;
    }

    Writer writer() {
        return new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                BoundedText.this.append(CharBuffer.wrap(chars, offset, length));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
