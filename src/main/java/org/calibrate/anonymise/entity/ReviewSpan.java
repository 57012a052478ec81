package org.calibrate.anonymise.entity;

/**
 * One span of a piece under a moderator's release review: where it is (code points of the original text, end
 * exclusive), the label scorers see in its place, where it came from and what the moderator decided. A span is
 * hidden from scorers unless the moderator kept it: a flagged candidate no one has decided stays hidden.
 */
public record ReviewSpan(int start, int end, String label, Origin origin, Decision decision) {
    /** The anonymiser redacted it, the anonymiser was unsure and flagged it, or a moderator added it by hand. */
    public enum Origin { REDACTED, FLAGGED, MANUAL }

    /** Not decided yet (flagged candidates), hidden from scorers, or kept as written. */
    public enum Decision { PENDING, REDACT, KEEP }

    public static final String MANUAL_LABEL = "[redacted]";

    public ReviewSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs 0 <= start < end, got " + start + ".." + end);
        }
        if (label == null || label.isBlank() || origin == null || decision == null) {
            throw new IllegalArgumentException("a span needs its label, origin and decision");
        }
    }

    /** What the anonymiser found, before anyone decided: redactions stand, flags wait. */
    public static ReviewSpan of(Span s) {
        return new ReviewSpan(s.start(), s.end(), s.label(), s.action() == Action.REDACTED ? Origin.REDACTED : Origin.FLAGGED,
                s.action() == Action.REDACTED ? Decision.REDACT : Decision.PENDING);
    }

    public static ReviewSpan manual(int start, int end) {
        return new ReviewSpan(start, end, MANUAL_LABEL, Origin.MANUAL, Decision.REDACT);
    }

    public boolean hidden() {
        return decision != Decision.KEEP;
    }

    public ReviewSpan decided(Decision d) {
        return new ReviewSpan(start, end, label, origin, d);
    }
}
