package org.calibrate.anonymise.entity;

/**
 * One identity found in a text. Offsets count Unicode code points of the input (not UTF-16 chars),
 * so a client in any language can cut the same characters; end is exclusive.
 */
public record Span(int start, int end, String label, Action action) {
    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs 0 <= start < end, got " + start + ".." + end);
        }
    }
}
