package org.calibrate.moderation.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * How a piece whose scores agree within the tolerance but not exactly gets its final level on a criterion:
 * the moderator decides, or a rule settles it (mean rounded up, the higher, the lower level, or the level adjusted
 * for the scorers' severity by the many-facet Rasch model).
 */
public enum AdjacentRule {
    MODERATOR, MEAN_UP, HIGHER, LOWER, FAIR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AdjacentRule> of(String key) {
        return Keys.of(values(), key, AdjacentRule::key);
    }
}
