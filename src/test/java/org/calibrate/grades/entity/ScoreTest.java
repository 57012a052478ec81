package org.calibrate.grades.entity;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The score rules of AGS 2.0 §3.4 that a score must meet before it is ever sent. */
class ScoreTest {
    private static final Instant AT = Instant.parse("2026-11-02T10:15:30.123Z");

    private static Score score(String userId, Optional<Double> given, Optional<Double> maximum) {
        return new Score(userId, given, maximum, Optional.empty(), ActivityProgress.Completed, GradingProgress.FullyGraded, AT);
    }

    @Test
    @DisplayName("AGS 2.0 §3.4.4: scoreGiven is at least 0, may exceed scoreMaximum, and needs scoreMaximum")
    void scoreGivenAndMaximum() {
        assertDoesNotThrow(() -> score("31", Optional.of(0.0), Optional.of(24.0)));
        assertDoesNotThrow(() -> score("31", Optional.of(1.1), Optional.of(1.0)), "extra credit is allowed");
        assertDoesNotThrow(() -> score("31", Optional.empty(), Optional.empty()), "no score clears the platform's value");
        assertThrows(IllegalArgumentException.class, () -> score("31", Optional.of(5.0), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> score("31", Optional.of(-0.5), Optional.of(24.0)));
        assertThrows(IllegalArgumentException.class, () -> score("31", Optional.of(Double.NaN), Optional.of(24.0)));
        assertThrows(IllegalArgumentException.class, () -> score("31", Optional.of(5.0), Optional.of(0.0)));
    }

    @Test
    @DisplayName("AGS 2.0 §3.4.5: the learner's userId must be present")
    void userId() {
        assertThrows(IllegalArgumentException.class, () -> score(" ", Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> score(null, Optional.empty(), Optional.empty()));
    }
}
