package org.calibrate.exemplars.entity;

import org.calibrate.rounds.entity.Consent;

import java.util.Locale;
import java.util.Optional;

/**
 * The school's rule for keeping student work as exemplars. Implied: the school's terms allow it, and only a
 * recorded refusal stops it. Opt-out: families were told and could refuse; a recorded refusal stops it, and the
 * moderator sees that none is recorded. Opt-in: only recorded consent allows it.
 */
public enum ConsentPolicy {
    IMPLIED, OPT_OUT, OPT_IN;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ConsentPolicy> of(String key) {
        for (ConsentPolicy p : values()) {
            if (p.key().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public boolean permits(Consent consent) {
        return switch (this) {
            case IMPLIED, OPT_OUT -> consent != Consent.DECLINED;
            case OPT_IN -> consent == Consent.GRANTED;
        };
    }

    /** Why a piece may not be kept, for the moderator. */
    public String refusal(Consent consent) {
        return consent == Consent.DECLINED
                ? "The student's family declined: this work cannot be kept as an exemplar."
                : "The school's policy is opt-in: record the family's consent on this piece first.";
    }
}
