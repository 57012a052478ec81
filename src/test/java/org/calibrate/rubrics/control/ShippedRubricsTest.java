package org.calibrate.rubrics.control;

import org.calibrate.rubrics.entity.Cap;
import org.calibrate.rubrics.entity.Criterion;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShippedRubricsTest {

    private static RubricDefinition family(String family) {
        return ShippedRubrics.family(family).orElseThrow().definition();
    }

    @Test
    void threeFamiliesInOrderEachValid() {
        assertEquals(List.of("ny-short-response-2-point", "ny-expository-6-8-4-point", "chicago-writing-standards"),
                ShippedRubrics.all().stream().map(ShippedRubrics.Shipped::family).toList());
        for (ShippedRubrics.Shipped s : ShippedRubrics.all()) {
            assertEquals(List.of(), RubricRules.problems(s.definition()), s.family());
        }
        assertTrue(ShippedRubrics.family("no-such-family").isEmpty());
    }

    @Test
    void newYorkShortResponseIsHolisticZeroToTwoWithTheOneTextCap() {
        RubricDefinition r = family("ny-short-response-2-point");
        assertTrue(r.holistic());
        assertEquals("0–2", r.range());
        assertEquals(List.of(new Cap("one-text-only", "The prompt requires two texts and the student only references one text",
                1, List.of())), r.caps());
        assertEquals(3, r.notes().size());
        Criterion c = r.criteria().get(0);
        assertEquals(List.of("0", "1", "2"), c.points().stream().map(p -> p.label()).toList());
        String two = c.point(2).orElseThrow().descriptor();
        assertEquals(5, two.split("\n").length);
        assertTrue(two.startsWith("• Valid inferences and/or claims from the text where required by the prompt\n• Evidence of analysis"), two);
        assertTrue(c.point(0).orElseThrow().descriptor().contains("• A response that is not written in English"));
    }

    @Test
    void newYorkExpositoryIsFourCriteriaZeroToFourWithTwoCaps() {
        RubricDefinition r = family("ny-expository-6-8-4-point");
        assertFalse(r.holistic());
        assertEquals(List.of("Content and analysis", "Command of evidence", "Coherence, organization, and style", "Control of conventions"),
                r.criteria().stream().map(Criterion::name).toList());
        assertEquals("0–4", r.range());
        assertEquals(16, r.maxTotal());
        assertEquals(List.of(2, 1), r.caps().stream().map(Cap::maxLevel).toList());
        assertTrue(r.caps().stream().allMatch(cap -> cap.criteria().isEmpty()), "both caps apply to every criterion");
        assertEquals(2, r.notes().size());
        // Columns of the seed's table, read back in the right order (the text extraction interleaves them).
        Criterion content = r.criterion("content-and-analysis").orElseThrow();
        assertTrue(content.description().startsWith("The extent to which the essay conveys complex ideas"));
        assertEquals("• introduce a topic in a manner that follows generally from the task and purpose\n"
                + "• demonstrate a literal comprehension of the text(s)", content.point(2).orElseThrow().descriptor());
        assertEquals("• demonstrate a lack of comprehension of the text(s) or task", content.point(0).orElseThrow().descriptor());
        assertTrue(r.criterion("command-of-evidence").orElseThrow().point(3).orElseThrow().descriptor()
                .endsWith("• sustain the use of relevant evidence, with some lack of variety"));
        assertEquals(3, r.criterion("coherence-organization-style").orElseThrow().point(1).orElseThrow().descriptor().split("\n").length);
    }

    @Test
    void chicagoWritingIsThreeCriteriaOneToFourWithoutCaps() {
        RubricDefinition r = family("chicago-writing-standards");
        assertEquals(List.of("construction-of-knowledge", "elaborated-written-communication", "grammar-usage-mechanics-vocabulary"),
                r.criteria().stream().map(Criterion::key).toList());
        assertEquals("1–4", r.range());
        assertEquals(3, r.minTotal());
        assertEquals(12, r.maxTotal());
        assertEquals(List.of(), r.caps());
        assertEquals(List.of("When it is difficult to decide between two scores (e.g., a 2 or a 3), give the higher score only when "
                + "a persuasive case can be made that the paper meets minimal criteria for the higher score."), r.notes());
        String grammar = r.criterion("grammar-usage-mechanics-vocabulary").orElseThrow().description();
        assertTrue(grammar.startsWith("The writing demonstrates proficiencies with grammar, usage, mechanics, and vocabulary"), grammar);
        assertEquals("Substantial evidence", r.criteria().get(0).point(4).orElseThrow().label());
    }

    @Test
    void shippedListIsShared() {
        assertTrue(ShippedRubrics.all() == ShippedRubrics.all(), "read once");
    }
}
