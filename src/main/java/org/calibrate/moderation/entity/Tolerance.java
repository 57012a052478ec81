package org.calibrate.moderation.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a round counts as agreement: the same level from every scorer (exact, as the seeds group work), or
 * levels at most one apart (adjacent counts as agreed, as many exam boards take it).
 */
public enum Tolerance {
    EXACT(0), ADJACENT(1);

    private final int spread;

    Tolerance(int spread) {
        this.spread = spread;
    }

    /** Whether scores this far apart on a criterion count as agreed. */
    public boolean agreed(int spread) {
        return spread <= this.spread;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tolerance> of(String key) {
        return Keys.of(values(), key, Tolerance::key);
    }
}
