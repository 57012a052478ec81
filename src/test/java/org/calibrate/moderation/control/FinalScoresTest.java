package org.calibrate.moderation.control;

import org.calibrate.moderation.entity.AdjacentRule;
import org.calibrate.moderation.entity.DiscrepantRule;
import org.calibrate.moderation.entity.ResolutionMethod;
import org.calibrate.moderation.entity.Tolerance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinalScoresTest {
    private static final List<String> CRITERIA = List.of("ideas", "voice");
    private static final List<Map<String, Integer>> ADJACENT = List.of(Map.of("ideas", 3, "voice", 2), Map.of("ideas", 2, "voice", 2));

    private static Optional<FinalScores.Final> auto(List<Map<String, Integer>> scores, Tolerance t, AdjacentRule r) {
        return FinalScores.automatic(scores, CRITERIA, t, r, DiscrepantRule.MODERATOR, Optional.empty(), Optional.empty());
    }

    @Test
    void agreedScoresStandAsTheyAre() {
        var f = auto(List.of(Map.of("ideas", 3, "voice", 2), Map.of("ideas", 3, "voice", 2)), Tolerance.EXACT, AdjacentRule.MODERATOR).orElseThrow();
        assertEquals(ResolutionMethod.AGREED, f.method());
        assertEquals(Map.of("ideas", 3, "voice", 2), f.levels());
        assertEquals(5, f.total());
    }

    @Test
    void adjacentScoresWaitForTheModeratorUnderExactToleranceWhateverTheRule() {
        for (AdjacentRule r : AdjacentRule.values()) {
            assertTrue(auto(ADJACENT, Tolerance.EXACT, r).isEmpty(), r.key());
        }
    }

    @Test
    void adjacentRulesSettleScoresWithinTheTolerance() {
        assertTrue(auto(ADJACENT, Tolerance.ADJACENT, AdjacentRule.MODERATOR).isEmpty());
        assertEquals(Map.of("ideas", 3, "voice", 2), auto(ADJACENT, Tolerance.ADJACENT, AdjacentRule.MEAN_UP).orElseThrow().levels());
        assertEquals(Map.of("ideas", 3, "voice", 2), auto(ADJACENT, Tolerance.ADJACENT, AdjacentRule.HIGHER).orElseThrow().levels());
        assertEquals(Map.of("ideas", 2, "voice", 2), auto(ADJACENT, Tolerance.ADJACENT, AdjacentRule.LOWER).orElseThrow().levels());
        assertEquals(ResolutionMethod.RULE, auto(ADJACENT, Tolerance.ADJACENT, AdjacentRule.LOWER).orElseThrow().method());
    }

    @Test
    void meanRoundedUpTakesTheMeanOfEveryScorer() {
        var three = List.of(Map.of("ideas", 2, "voice", 2), Map.of("ideas", 2, "voice", 3), Map.of("ideas", 3, "voice", 3));
        // ideas: 7/3 = 2.33 → 3; voice: 8/3 = 2.67 → 3
        assertEquals(Map.of("ideas", 3, "voice", 3), auto(three, Tolerance.ADJACENT, AdjacentRule.MEAN_UP).orElseThrow().levels());
    }

    @Test
    void discrepantScoresWaitUnlessAThirdScorerHasScored() {
        var apart = List.of(Map.of("ideas", 4, "voice", 2), Map.of("ideas", 1, "voice", 2));
        assertTrue(auto(apart, Tolerance.ADJACENT, AdjacentRule.MEAN_UP).isEmpty());
        var f = FinalScores.automatic(apart, CRITERIA, Tolerance.ADJACENT, AdjacentRule.MEAN_UP, DiscrepantRule.MODERATOR,
                Optional.of(Map.of("ideas", 3, "voice", 2)), Optional.empty()).orElseThrow();
        assertEquals(ResolutionMethod.ADJUDICATION, f.method());
        assertEquals(Map.of("ideas", 3, "voice", 2), f.levels());
    }

    @Test
    void aLoneScoreStandsAndBlanksBecomeTheBlankCondition() {
        assertEquals(ResolutionMethod.SINGLE, auto(List.of(Map.of("ideas", 1, "voice", 1)), Tolerance.EXACT, AdjacentRule.MODERATOR).orElseThrow().method());
        var blank = auto(List.of(Map.of(), Map.of()), Tolerance.EXACT, AdjacentRule.MODERATOR).orElseThrow();
        assertEquals(Optional.of("blank"), blank.conditionCode());
        assertTrue(blank.levels().isEmpty());
        assertTrue(auto(List.of(), Tolerance.EXACT, AdjacentRule.MEAN_UP).isEmpty());
    }

    @Test
    void severityAdjustedLevelsSettlePiecesOnlyWhereTheRoundsRuleSaysSo() {
        var apart = List.of(Map.of("ideas", 4, "voice", 2), Map.of("ideas", 1, "voice", 2));
        Optional<Map<String, Integer>> fair = Optional.of(Map.of("ideas", 3, "voice", 2));
        assertTrue(FinalScores.automatic(apart, CRITERIA, Tolerance.ADJACENT, AdjacentRule.MEAN_UP,
                DiscrepantRule.MODERATOR, Optional.empty(), fair).isEmpty(), "never silently");
        var f = FinalScores.automatic(apart, CRITERIA, Tolerance.ADJACENT, AdjacentRule.MEAN_UP,
                DiscrepantRule.FAIR, Optional.empty(), fair).orElseThrow();
        assertEquals(ResolutionMethod.FAIR, f.method());
        assertEquals(Map.of("ideas", 3, "voice", 2), f.levels());
        var adjacent = FinalScores.automatic(ADJACENT, CRITERIA, Tolerance.ADJACENT, AdjacentRule.FAIR,
                DiscrepantRule.MODERATOR, Optional.empty(), Optional.of(Map.of("ideas", 2, "voice", 2))).orElseThrow();
        assertEquals(ResolutionMethod.FAIR, adjacent.method());
        assertTrue(FinalScores.automatic(ADJACENT, CRITERIA, Tolerance.ADJACENT, AdjacentRule.FAIR,
                DiscrepantRule.MODERATOR, Optional.empty(), Optional.empty()).isEmpty(),
                "without a model fit the piece waits for the moderators");
        assertTrue(FinalScores.automatic(List.of(Map.of(), Map.of("ideas", 1, "voice", 1)), CRITERIA, Tolerance.ADJACENT, AdjacentRule.FAIR,
                DiscrepantRule.FAIR, Optional.empty(), fair).isEmpty(), "a blank beside a score stays with the moderators");
    }
}
