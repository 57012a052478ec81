package org.calibrate.moderation.entity;

import java.util.Locale;
import java.util.Optional;

/** What happens to a discrepant piece when moderation opens: it waits for the moderator, or goes to a third blind scorer. */
public enum DiscrepantRule {
    MODERATOR, THIRD_SCORER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DiscrepantRule> of(String key) {
        return Keys.of(values(), key, DiscrepantRule::key);
    }
}
