package org.calibrate.moderation.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * How a rubric total becomes a grade on the LMS's scale. {@code RANGE} maps the lowest possible total to 0 and the
 * highest to the maximum, as Moodle's own rubric grading does; {@code POINTS} takes the total as a share of the
 * highest total.
 */
public enum GradeScale {
    RANGE, POINTS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GradeScale> of(String key) {
        return Keys.of(values(), key, GradeScale::key);
    }

    /** The grade for a total, to two decimals. */
    public double grade(int total, int minTotal, int maxTotal, double scoreMaximum) {
        double share = switch (this) {
            case RANGE -> maxTotal == minTotal ? 1 : (total - minTotal) / (double) (maxTotal - minTotal);
            case POINTS -> maxTotal == 0 ? 0 : total / (double) maxTotal;
        };
        double clamped = Math.max(0, Math.min(1, share));
        return Math.round(clamped * scoreMaximum * 100) / 100.0;
    }
}
