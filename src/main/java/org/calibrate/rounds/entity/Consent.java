package org.calibrate.rounds.entity;

import java.util.Locale;
import java.util.Optional;

/** Whether the student's work may be kept as an exemplar, as the school's records say. */
public enum Consent {
    UNKNOWN, GRANTED, DECLINED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Consent> of(String key) {
        for (Consent c : values()) {
            if (c.key().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
