package org.calibrate.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionsTest {

    private static Ratings sample() {
        return Ratings.builder()
                .add("p1", "B", "c", 1).add("p1", "A", "c", 2)
                .add("p2", "A", "c", 2).add("p2", "B", "c", 2)
                .add("p3", "A", "c", 3).add("p3", "C", "c", 1)
                .add("p4", "B", "c", 3)
                .build();
    }

    @Test
    void levelCountsPerScorerAndCriterionFromTheLowestLevelUsed() {
        List<Distributions.LevelCounts> counts = Distributions.levels(sample());
        Distributions.LevelCounts a = counts.stream().filter(x -> x.scorer().equals("A")).findFirst().orElseThrow();
        assertEquals(1, a.minLevel());
        assertEquals(List.of(0, 2, 1), a.counts());
        Distributions.LevelCounts b = counts.stream().filter(x -> x.scorer().equals("B")).findFirst().orElseThrow();
        assertEquals(List.of(1, 1, 1), b.counts(), "a single-scored piece still counts in the scorer's own distribution");
    }

    @Test
    void confusionMatricesOfEachPairWithTheFirstScorerInRows() {
        List<Distributions.Confusion> matrices = Distributions.confusions(sample());
        assertEquals(2, matrices.size(), "A–B and A–C share pieces; B–C share none");
        Distributions.Confusion ab = matrices.stream().filter(m -> m.secondScorer().equals("B")).findFirst().orElseThrow();
        assertEquals("A", ab.firstScorer());
        // p1: A 2, B 1; p2: A 2, B 2.
        assertEquals(List.of(List.of(0, 0, 0), List.of(1, 1, 0), List.of(0, 0, 0)), ab.cells());
        Distributions.Confusion ac = matrices.stream().filter(m -> m.secondScorer().equals("C")).findFirst().orElseThrow();
        assertEquals(1, ac.cells().get(2).get(0), "p3: A 3, C 1");
        assertTrue(matrices.stream().allMatch(m -> m.cells().stream().mapToInt(row -> row.stream().mapToInt(Integer::intValue).sum()).sum() > 0));
    }
}
