package org.calibrate.moderation.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * How a piece whose scores agree within the tolerance but not exactly gets its final level on a criterion:
 * the moderator decides, or a rule settles it (mean rounded up, the higher, the lower level).
 */
public enum AdjacentRule {
    MODERATOR, MEAN_UP, HIGHER, LOWER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AdjacentRule> of(String key) {
        return Keys.of(values(), key, AdjacentRule::key);
    }
}
