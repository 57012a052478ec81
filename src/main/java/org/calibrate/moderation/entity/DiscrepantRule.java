package org.calibrate.moderation.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * What happens to a discrepant piece: it waits for the moderator, goes to a third blind scorer as moderation opens,
 * or settles at its level adjusted for the scorers' severity (many-facet Rasch), chosen by a moderator, never by default.
 */
public enum DiscrepantRule {
    MODERATOR, THIRD_SCORER, FAIR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DiscrepantRule> of(String key) {
        return Keys.of(values(), key, DiscrepantRule::key);
    }
}
