package org.calibrate.rubrics.entity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RubricDefinitionTest {
    private static Criterion criterion(String key, int from, int to) {
        List<ScorePoint> points = new ArrayList<>();
        for (int level = from; level <= to; level++) {
            points.add(new ScorePoint(level, String.valueOf(level), ""));
        }
        return new Criterion(key, key, "", points);
    }

    @Test
    void holisticMeansOneCriterion() {
        assertTrue(new RubricDefinition("t", null, List.of(criterion("a", 0, 2)), null, null).holistic());
        assertFalse(new RubricDefinition("t", null, List.of(criterion("a", 0, 2), criterion("b", 0, 2)), null, null).holistic());
    }

    @Test
    void rangeAndTotals() {
        RubricDefinition mixed = new RubricDefinition("t", null, List.of(criterion("a", 0, 4), criterion("b", 1, 6)), null, null);
        assertEquals("mixed", mixed.range());
        assertEquals(1, mixed.minTotal());
        assertEquals(10, mixed.maxTotal());
        assertEquals("1–4", new RubricDefinition("t", null, List.of(criterion("a", 1, 4), criterion("b", 1, 4)), null, null).range());
        assertEquals("", new RubricDefinition("t", null, null, null, null).range());
    }

    @Test
    void lookups() {
        RubricDefinition r = new RubricDefinition("t", null, List.of(criterion("a", 0, 4)), null, null);
        assertEquals(4, r.criterion("a").orElseThrow().maxLevel());
        assertTrue(r.criterion("b").isEmpty());
        assertEquals("3", r.criterion("a").orElseThrow().point(3).orElseThrow().label());
        assertTrue(r.criterion("a").orElseThrow().point(5).isEmpty());
    }

    @Test
    void capsApplyToTheirCriteriaOrToAll() {
        assertTrue(new Cap("k", "c", 1, List.of()).appliesTo("anything"));
        assertTrue(new Cap("k", "c", 1, List.of("a")).appliesTo("a"));
        assertFalse(new Cap("k", "c", 1, List.of("a")).appliesTo("b"));
    }

    @Test
    void listsAreCopiedAndNullFreeAndEmptyTextsAbsent() {
        List<String> notes = new ArrayList<>(Arrays.asList("one", null));
        RubricDefinition r = new RubricDefinition("t", "", null, null, notes);
        notes.add("later");
        assertEquals(List.of("one"), r.notes());
        assertEquals(List.of(), r.criteria());
        assertEquals(null, r.description());
        assertThrows(UnsupportedOperationException.class, () -> r.notes().add("x"));
        assertEquals(null, criterion("a", 0, 1).description());
        assertEquals(null, criterion("a", 0, 1).points().get(0).descriptor());
    }
}
