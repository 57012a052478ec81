package org.calibrate.rounds.entity;

import java.util.Locale;
import java.util.Optional;

/** Where a round stands. Moves are explicit (a moderator's decision) and audited. */
public enum Phase {
    SETUP, CALIBRATION, SCORING, MODERATION, FINALISED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Phase> of(String key) {
        for (Phase p : values()) {
            if (p.key().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Forward one step (calibration may be skipped), or back one step to reopen scoring or moderation. */
    public boolean mayMoveTo(Phase to) {
        return to.ordinal() == ordinal() + 1
                || (this == SETUP && to == SCORING)
                || (this == MODERATION && to == SCORING)
                || (this == FINALISED && to == MODERATION);
    }
}
