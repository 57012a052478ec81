package org.calibrate.rounds.entity;

import java.util.Locale;
import java.util.Optional;

/** Why a piece is left out of a round, as in the seeds' preparation steps. */
public enum Exclusion {
    /** The student or family opted out, or consent to the work's use was declined. */
    CONSENT_DECLINED,
    /** Handed in to the wrong assignment, or not the task being scored. */
    WRONG_ASSIGNMENT,
    /** The same work is in the round twice. */
    DUPLICATE,
    /** Nothing readable was handed in. */
    UNREADABLE,
    OTHER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Exclusion> of(String key) {
        for (Exclusion e : values()) {
            if (e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
