package org.calibrate.anonymise.entity;

import java.util.List;

/**
 * A text with its redacted spans replaced by their labels; the cautious text has the flagged spans
 * replaced too, for where no moderator has reviewed the flags yet; every span in input offsets.
 */
public record Redaction(String text, String cautiousText, List<Span> spans) {
    public Redaction {
        spans = List.copyOf(spans);
    }

    public List<Span> flagged() {
        return spans.stream().filter(s -> s.action() == Action.FLAGGED).toList();
    }
}
