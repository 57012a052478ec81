package org.calibrate.grades.entity;

import java.time.Instant;
import java.util.Optional;

/** AGS 2.0 §3.4 score: what the tool publishes for one learner on one line item. */
public record Score(String userId, Optional<Double> scoreGiven, Optional<Double> scoreMaximum, Optional<String> comment,
                    ActivityProgress activityProgress, GradingProgress gradingProgress, Instant timestamp) {
    public Score {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a score needs the learner's userId (AGS 2.0 §3.4.5)");
        }
        if (activityProgress == null || gradingProgress == null || timestamp == null) {
            throw new IllegalArgumentException("a score needs activityProgress, gradingProgress and timestamp (AGS 2.0 §3.4.7-§3.4.9)");
        }
        if (scoreGiven.map(g -> !Double.isFinite(g)).orElse(false) || scoreMaximum.map(m -> !Double.isFinite(m)).orElse(false)) {
            throw new IllegalArgumentException("scoreGiven and scoreMaximum must be finite numbers (AGS 2.0 §3.4.4)");
        }
        if (scoreGiven.isPresent() && scoreMaximum.isEmpty()) {
            throw new IllegalArgumentException("scoreGiven requires scoreMaximum (AGS 2.0 §3.4.4)");
        }
        if (scoreGiven.map(g -> !(g >= 0)).orElse(false) || scoreMaximum.map(m -> !(m > 0)).orElse(false)) {
            throw new IllegalArgumentException("scoreGiven must be at least 0 and scoreMaximum above 0 (AGS 2.0 §3.4.4)");
        }
    }
}
