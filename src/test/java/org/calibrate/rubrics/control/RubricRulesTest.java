package org.calibrate.rubrics.control;

import org.calibrate.rubrics.entity.Cap;
import org.calibrate.rubrics.entity.Criterion;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.rubrics.entity.ScorePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.calibrate.rubrics.control.Examples.analytic;
import static org.calibrate.rubrics.control.Examples.criterion;
import static org.calibrate.rubrics.control.Examples.holistic;
import static org.calibrate.rubrics.control.Examples.levels;
import static org.calibrate.rubrics.control.Examples.withCaps;
import static org.calibrate.rubrics.control.Examples.withCriteria;
import static org.calibrate.rubrics.control.Examples.withPoints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RubricRulesTest {

    private static List<String> problems(RubricDefinition r) {
        return RubricRules.problems(r);
    }

    /** The rubric has exactly one problem, and it is this one. */
    private static void only(String expected, RubricDefinition r) {
        assertEquals(List.of(expected), problems(r));
    }

    @Test
    void validAnalyticAndHolisticRubricsPass() {
        assertEquals(List.of(), problems(analytic()));
        assertEquals(List.of(), problems(holistic(0, 2)));
        RubricRules.requireValid(analytic());
    }

    @ParameterizedTest
    @CsvSource({"0,2", "0,4", "1,4", "1,6", "0,10"})
    void commonRangesAreAccepted(int from, int to) {
        assertEquals(List.of(), problems(holistic(from, to)));
        assertEquals(from + "–" + to, holistic(from, to).range());
    }

    @Test
    void titleIsRequiredAndBounded() {
        RubricDefinition r = analytic();
        only("The rubric: needs a title (1 to 200 characters)",
                new RubricDefinition("  ", r.description(), r.criteria(), r.caps(), r.notes()));
        only("The rubric: needs a title (1 to 200 characters)",
                new RubricDefinition(null, r.description(), r.criteria(), r.caps(), r.notes()));
        only("The rubric: title has 201 characters; at most 200 are allowed",
                new RubricDefinition("t".repeat(201), r.description(), r.criteria(), r.caps(), r.notes()));
        assertEquals(List.of(), problems(new RubricDefinition("t".repeat(200), null, r.criteria(), r.caps(), r.notes())));
    }

    @Test
    void descriptionIsOptionalButBounded() {
        RubricDefinition r = analytic();
        only("The rubric: description has 4001 characters; at most 4000 are allowed",
                new RubricDefinition(r.title(), "d".repeat(4001), r.criteria(), r.caps(), r.notes()));
    }

    @Test
    void oneToTwentyCriteria() {
        only("The rubric needs at least one criterion", withCaps(withCriteria(analytic(), List.of()), List.of()));
        List<Criterion> many = IntStream.rangeClosed(1, 21).mapToObj(i -> criterion("c" + i, "Criterion " + i, 0, 2)).toList();
        only("The rubric has 21 criteria; at most 20 are allowed", withCaps(withCriteria(analytic(), many), List.of()));
        assertEquals(List.of(), problems(withCaps(withCriteria(analytic(), many.subList(0, 20)), List.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content", "-content", "con tent", "inhalt-ä", "a1234567890123456789012345678901234567890"})
    void criterionKeysHaveOneForm(String key) {
        RubricDefinition r = withCaps(withCriteria(analytic(), List.of(criterion(key, "Content and analysis", 0, 4))), List.of());
        only("Criterion \"Content and analysis\": key \"" + key + "\" is not valid; a key is 1 to 40 lowercase letters, "
                + "digits or hyphens, starting with a letter or digit", r);
    }

    @Test
    void criterionKeyIsRequiredAndUnique() {
        RubricDefinition r = withCaps(withCriteria(analytic(), List.of(criterion(null, "Content", 0, 4))), List.of());
        only("Criterion \"Content\": key is missing; a key is 1 to 40 lowercase letters, digits or hyphens, "
                + "starting with a letter or digit", r);
        RubricDefinition twice = withCaps(withCriteria(analytic(),
                List.of(criterion("content", "Content", 0, 4), criterion("content", "Evidence", 0, 4))), List.of());
        only("Criterion \"Evidence\": key \"content\" is already used by another criterion", twice);
        assertEquals(List.of(), problems(withCaps(withCriteria(analytic(),
                List.of(criterion("a", "A", 0, 4), criterion("0-b", "B", 0, 4))), List.of())));
    }

    @Test
    void criterionNameAndDescriptionBounds() {
        only("Criterion 1: needs a name (1 to 200 characters)",
                withCriteria(analytic(), List.of(new Criterion("content", "", null, levels(0, 4)),
                        criterion("evidence", "Evidence", 0, 4))));
        only("Criterion \"" + "n".repeat(57) + "…\": name has 201 characters; at most 200 are allowed",
                withCriteria(analytic(), List.of(new Criterion("content", "n".repeat(201), null, levels(0, 4)),
                        criterion("evidence", "Evidence", 0, 4))));
        only("Criterion \"Content\": description has 4001 characters; at most 4000 are allowed",
                withCriteria(analytic(), List.of(new Criterion("content", "Content", "d".repeat(4001), levels(0, 4)),
                        criterion("evidence", "Evidence", 0, 4))));
    }

    @Test
    void twoToElevenPoints() {
        only("Criterion \"Content and analysis\": needs 2 to 11 score points (found 1)", withPoints(noCaps(), levels(0, 0)));
        only("Criterion \"Content and analysis\": needs 2 to 11 score points (found 0)", withPoints(noCaps(), List.of()));
        assertEquals(List.of(), problems(withPoints(noCaps(), levels(0, 10))));
        List<String> twelve = problems(withPoints(noCaps(), levels(0, 11)));
        assertEquals(List.of("Criterion \"Content and analysis\": needs 2 to 11 score points (found 12)",
                "Criterion \"Content and analysis\", level 11: levels must lie between 0 and 10"), twelve);
    }

    @Test
    void levelsAreContiguousAndUnique() {
        List<ScorePoint> gap = List.of(point(0), point(1), point(3));
        only("Criterion \"Content and analysis\": levels must be whole numbers without gaps (found 0, 1, 3)", withPoints(noCaps(), gap));
        List<ScorePoint> twice = List.of(point(0), point(1), point(1), point(2));
        only("Criterion \"Content and analysis\": level 1 appears 2 times; each level appears once", withPoints(noCaps(), twice));
        List<ScorePoint> shuffled = new ArrayList<>(levels(1, 6));
        Collections.reverse(shuffled);
        assertEquals(List.of(), problems(withPoints(noCaps(), shuffled)), "order does not matter");
    }

    @Test
    void levelsLieBetweenZeroAndTen() {
        only("Criterion \"Content and analysis\", level -1: levels must lie between 0 and 10",
                withPoints(noCaps(), List.of(point(-1), point(0), point(1))));
        only("Criterion \"Content and analysis\", level 11: levels must lie between 0 and 10",
                withPoints(noCaps(), List.of(point(9), point(10), point(11))));
    }

    @Test
    void labelsAreRequiredAndShort() {
        only("Criterion \"Content and analysis\", level 1: needs a label (1 to 40 characters)",
                withPoints(noCaps(), List.of(point(0), new ScorePoint(1, " ", "d"))));
        only("Criterion \"Content and analysis\", level 1: label has 41 characters; at most 40 are allowed",
                withPoints(noCaps(), List.of(point(0), new ScorePoint(1, "l".repeat(41), "d"))));
        assertEquals(List.of(), problems(withPoints(noCaps(), List.of(point(0), new ScorePoint(1, "l".repeat(40), null)))));
    }

    @Test
    void descriptorsAreBounded() {
        only("Criterion \"Content and analysis\", level 1: descriptor has 4001 characters; at most 4000 are allowed",
                withPoints(noCaps(), List.of(point(0), new ScorePoint(1, "1", "d".repeat(4001)))));
    }

    @Test
    void capKeysAndConditions() {
        only("Cap 1: key \"Two Texts\" is not valid; a key is 1 to 40 lowercase letters, digits or hyphens, starting with a letter or digit",
                withCaps(analytic(), List.of(new Cap("Two Texts", "Only one text", 2, List.of()))));
        only("Cap \"two\": key \"two\" is already used by another cap",
                withCaps(analytic(), List.of(new Cap("two", "A", 2, List.of()), new Cap("two", "B", 1, List.of()))));
        assertEquals(List.of(), problems(withCaps(analytic(), List.of(new Cap("content", "A", 2, List.of())))),
                "a cap may share a key with a criterion");
        only("Cap \"two\": needs a condition (1 to 500 characters)",
                withCaps(analytic(), List.of(new Cap("two", "", 2, List.of()))));
        only("Cap \"two\": condition has 501 characters; at most 500 are allowed",
                withCaps(analytic(), List.of(new Cap("two", "c".repeat(501), 2, List.of()))));
        List<Cap> many = IntStream.rangeClosed(1, 21).mapToObj(i -> new Cap("cap-" + i, "Condition " + i, 2, List.of())).toList();
        only("The rubric has 21 caps; at most 20 are allowed", withCaps(analytic(), many));
    }

    @Test
    void capCriteriaMustExist() {
        only("Cap \"two\": applies to \"style\", which is not a criterion of this rubric",
                withCaps(analytic(), List.of(new Cap("two", "Only one text", 2, List.of("content", "style")))));
    }

    @Test
    void capMustLimitSomethingPossible() {
        only("Cap \"two\": the most it allows (4) must lie between 0 and 3 for criterion \"Command of evidence\" (levels 0–4)",
                withCaps(analytic(), List.of(new Cap("two", "Only one text", 4, List.of("evidence")))));
        RubricDefinition oneToFour = withCriteria(analytic(), List.of(criterion("content", "Content", 1, 4), criterion("evidence", "Evidence", 0, 4)));
        only("Cap \"two\": the most it allows (0) must lie between 1 and 3 for criterion \"Content\" (levels 1–4)",
                withCaps(oneToFour, List.of(new Cap("two", "Only one text", 0, List.of()))));
        assertEquals(List.of(), problems(withCaps(oneToFour, List.of(new Cap("two", "Only one text", 0, List.of("evidence"))))),
                "a cap is checked only against the criteria it applies to");
    }

    @Test
    void notesAreBounded() {
        RubricDefinition r = analytic();
        only("Note 2: text has 2001 characters; at most 2000 are allowed",
                new RubricDefinition(r.title(), null, r.criteria(), r.caps(), List.of("ok", "n".repeat(2001))));
        only("Note 1: needs text (1 to 2000 characters)", new RubricDefinition(r.title(), null, r.criteria(), r.caps(), List.of(" ")));
        List<String> many = IntStream.rangeClosed(1, 21).mapToObj(i -> "Note " + i).toList();
        only("The rubric has 21 notes; at most 20 are allowed", new RubricDefinition(r.title(), null, r.criteria(), r.caps(), many));
    }

    @Test
    void everyProblemIsReportedButTheListStaysReadable() {
        List<Criterion> broken = IntStream.rangeClosed(1, 20).mapToObj(i -> new Criterion("X" + i, "", null, List.of())).toList();
        List<String> problems = problems(new RubricDefinition("", null, broken, List.of(), List.of()));
        assertEquals(51, problems.size());
        assertEquals("The rubric: needs a title (1 to 200 characters)", problems.get(0));
        assertTrue(problems.get(50).startsWith("… and 11 more problems"), problems.get(50));
    }

    @Test
    void requireValidCarriesTheProblems() {
        InvalidRubric e = assertThrows(InvalidRubric.class, () -> RubricRules.requireValid(withPoints(noCaps(), levels(0, 0))));
        assertEquals(List.of("Criterion \"Content and analysis\": needs 2 to 11 score points (found 1)"), e.problems());
        assertEquals(List.of("There is no rubric"), RubricRules.problems(null));
    }

    private static RubricDefinition noCaps() {
        return withCaps(analytic(), List.of());
    }

    private static ScorePoint point(int level) {
        return new ScorePoint(level, String.valueOf(level), "d");
    }
}
