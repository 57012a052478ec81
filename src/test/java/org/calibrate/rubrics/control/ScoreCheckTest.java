package org.calibrate.rubrics.control;

import org.calibrate.rubrics.entity.RubricDefinition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.calibrate.rubrics.control.Examples.analytic;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoreCheckTest {
    private static final RubricDefinition RUBRIC = analytic();
    private static final Map<String, Integer> ALL_THREES = Map.of("content", 3, "evidence", 3, "coherence", 3, "conventions", 3);

    private static List<String> check(Map<String, Integer> levels, Set<String> caps, boolean complete) {
        return ScoreCheck.problems(RUBRIC, levels, caps, complete);
    }

    @Test
    void aCompleteScoreInRangePasses() {
        assertEquals(List.of(), check(ALL_THREES, Set.of(), true));
        assertEquals(List.of(), check(Map.of("content", 0, "evidence", 4, "coherence", 2, "conventions", 1), Set.of(), true));
    }

    @Test
    void aTickedCapLimitsEveryCriterionItAppliesTo() {
        assertEquals(List.of(
                "Content and analysis: 3 is above 2, the most a response may score when the prompt requires two texts and the response references only one",
                "Command of evidence: 3 is above 2, the most a response may score when the prompt requires two texts and the response references only one",
                "Coherence, organization, and style: 3 is above 2, the most a response may score when the prompt requires two texts and the response references only one",
                "Control of conventions: 3 is above 2, the most a response may score when the prompt requires two texts and the response references only one"),
                check(ALL_THREES, Set.of("one-text"), true));
        assertEquals(List.of(), check(Map.of("content", 2, "evidence", 2, "coherence", 2, "conventions", 0), Set.of("one-text"), true),
                "the cap's own level is allowed");
    }

    @Test
    void aCapThatIsNotTickedLimitsNothing() {
        assertEquals(List.of(), check(Map.of("content", 4, "evidence", 4, "coherence", 4, "conventions", 4), Set.of(), true));
    }

    @Test
    void aCapOnOneCriterionLeavesTheOthersAlone() {
        assertEquals(List.of("Command of evidence: 3 is above 1, the most a response may score when the response quotes nothing"),
                check(ALL_THREES, Set.of("no-quotes"), true));
        assertEquals(List.of("Command of evidence: 2 is above 1, the most a response may score when the response quotes nothing"),
                check(Map.of("content", 2, "evidence", 2, "coherence", 2, "conventions", 2), Set.of("one-text", "no-quotes"), true),
                "both caps ticked: the stricter one speaks");
    }

    @Test
    void levelsMustBeLevelsOfTheCriterion() {
        Map<String, Integer> levels = new HashMap<>(ALL_THREES);
        levels.put("content", 5);
        levels.put("evidence", -1);
        assertEquals(List.of("Content and analysis: 5 is not a level of this criterion (0–4)",
                "Command of evidence: -1 is not a level of this criterion (0–4)"), check(levels, Set.of(), true));
    }

    @Test
    void completenessOnlyWhenAsked() {
        Map<String, Integer> two = Map.of("content", 3, "conventions", 1);
        assertEquals(List.of(), check(two, Set.of(), false), "a draft may leave criteria open");
        assertEquals(List.of("Command of evidence: needs a level", "Coherence, organization, and style: needs a level"),
                check(two, Set.of(), true));
        Map<String, Integer> withNull = new HashMap<>(ALL_THREES);
        withNull.put("evidence", null);
        assertEquals(List.of("Command of evidence: needs a level"), check(withNull, Set.of(), true));
        assertEquals(4, ScoreCheck.problems(RUBRIC, null, null, true).size());
    }

    @Test
    void unknownCriteriaAndCapsAreNamed() {
        Map<String, Integer> levels = new HashMap<>(ALL_THREES);
        levels.put("style", 2);
        levels.put("voice", 1);
        assertEquals(List.of("There is no criterion \"style\" in this rubric", "There is no criterion \"voice\" in this rubric",
                "There is no cap \"copied\" in this rubric"), check(levels, Set.of("copied"), true));
    }

    @Test
    void holisticRubricWithTheShippedTwoPointCap() {
        RubricDefinition ny = ShippedRubrics.family("ny-short-response-2-point").orElseThrow().definition();
        assertEquals(List.of("Short response: 2 is above 1, the most a response may score when the prompt requires two texts "
                + "and the student only references one text"), ScoreCheck.problems(ny, Map.of("response", 2), Set.of("one-text-only"), true));
        assertEquals(List.of(), ScoreCheck.problems(ny, Map.of("response", 1), Set.of("one-text-only"), true));
    }
}
