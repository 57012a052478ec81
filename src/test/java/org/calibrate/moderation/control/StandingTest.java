package org.calibrate.moderation.control;

import org.calibrate.moderation.entity.Tolerance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandingTest {
    private static final List<String> CRITERIA = List.of("ideas", "voice");

    @Test
    void sameLevelsAreAgreedAndExactUnderEitherTolerance() {
        var scores = List.of(Map.of("ideas", 3, "voice", 2), Map.of("ideas", 3, "voice", 2));
        for (Tolerance t : Tolerance.values()) {
            Standing.Of s = Standing.of(scores, CRITERIA, t);
            assertEquals(Standing.Group.AGREED, s.group());
            assertTrue(s.exact());
            assertEquals(0, s.spread());
        }
    }

    @Test
    void oneLevelApartIsDiscrepantWhenExactAndAgreedWhenAdjacentCounts() {
        var scores = List.of(Map.of("ideas", 3, "voice", 2), Map.of("ideas", 2, "voice", 2));
        Standing.Of exact = Standing.of(scores, CRITERIA, Tolerance.EXACT);
        assertEquals(Standing.Group.DISCREPANT, exact.group());
        assertEquals(1, exact.spread());
        assertFalse(exact.criterion("ideas").agreed());
        assertTrue(exact.criterion("voice").agreed());
        Standing.Of adjacent = Standing.of(scores, CRITERIA, Tolerance.ADJACENT);
        assertEquals(Standing.Group.AGREED, adjacent.group());
        assertFalse(adjacent.exact());
    }

    @Test
    void twoLevelsApartIsDiscrepantUnderEitherToleranceAndTheSpreadIsTheLargestOnAnyCriterion() {
        var scores = List.of(Map.of("ideas", 4, "voice", 2), Map.of("ideas", 2, "voice", 3), Map.of("ideas", 3, "voice", 3));
        for (Tolerance t : Tolerance.values()) {
            Standing.Of s = Standing.of(scores, CRITERIA, t);
            assertEquals(Standing.Group.DISCREPANT, s.group());
            assertEquals(2, s.spread());
            assertEquals(2, s.criterion("ideas").spread());
            assertEquals(1, s.criterion("voice").spread());
        }
    }

    @Test
    void blanksAgreeWithBlanksAndDisagreeWithAnyScoredResponse() {
        assertEquals(Standing.Group.AGREED, Standing.of(List.of(Map.of(), Map.of()), CRITERIA, Tolerance.EXACT).group());
        Standing.Of mixed = Standing.of(List.of(Map.of(), Map.of("ideas", 1, "voice", 1)), CRITERIA, Tolerance.ADJACENT);
        assertEquals(Standing.Group.DISCREPANT, mixed.group());
        assertEquals(Integer.MAX_VALUE, mixed.spread());
        assertFalse(mixed.criterion("ideas").agreed());
    }

    @Test
    void oneScoreIsSingleAndNoneIsUnscored() {
        assertEquals(Standing.Group.SINGLE, Standing.of(List.of(Map.of("ideas", 1, "voice", 1)), CRITERIA, Tolerance.EXACT).group());
        assertEquals(Standing.Group.UNSCORED, Standing.of(List.of(), CRITERIA, Tolerance.EXACT).group());
    }
}
