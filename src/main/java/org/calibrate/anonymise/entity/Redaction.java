package org.calibrate.anonymise.entity;

import java.util.List;

/** A text with its redacted spans replaced by their labels, and every span (redacted or flagged) in input offsets. */
public record Redaction(String text, List<Span> spans) {
    public Redaction {
        spans = List.copyOf(spans);
    }

    public List<Span> flagged() {
        return spans.stream().filter(s -> s.action() == Action.FLAGGED).toList();
    }
}
