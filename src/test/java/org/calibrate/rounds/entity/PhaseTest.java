package org.calibrate.rounds.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhaseTest {
    @Test
    void forwardOneStepCalibrationOptionalReopenScoringOrModeration() {
        assertTrue(Phase.SETUP.mayMoveTo(Phase.CALIBRATION));
        assertTrue(Phase.SETUP.mayMoveTo(Phase.SCORING), "calibration may be skipped");
        assertTrue(Phase.CALIBRATION.mayMoveTo(Phase.SCORING));
        assertTrue(Phase.SCORING.mayMoveTo(Phase.MODERATION));
        assertTrue(Phase.MODERATION.mayMoveTo(Phase.FINALISED));
        assertTrue(Phase.MODERATION.mayMoveTo(Phase.SCORING), "reopen scoring");
        assertFalse(Phase.SETUP.mayMoveTo(Phase.MODERATION));
        assertFalse(Phase.SCORING.mayMoveTo(Phase.CALIBRATION));
        assertTrue(Phase.FINALISED.mayMoveTo(Phase.MODERATION), "a moderator reopens a finalised round");
        assertFalse(Phase.FINALISED.mayMoveTo(Phase.SCORING), "not straight back to scoring");
        assertFalse(Phase.SCORING.mayMoveTo(Phase.SCORING));
    }

    @Test
    void keys() {
        assertEquals("finalised", Phase.FINALISED.key());
        assertEquals(Phase.CALIBRATION, Phase.of("calibration").orElseThrow());
        assertTrue(Phase.of("SCORING").isEmpty());
    }
}
