package org.calibrate.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties on random data, seeded so a failure can be replayed: names and row order do not matter, gaps are tolerated. */
class RoundStatisticsPropertyTest {
    private static final ManyFacetRasch.Options RSM = ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM);

    private record Row(String piece, String scorer, String criterion, int score) {
    }

    @Test
    void relabellingScorersAndShufflingRowsLeavesRoundFiguresUnchanged() {
        for (int seed = 0; seed < 50; seed++) {
            Random random = new Random(seed);
            List<Row> rows = randomRound(random);
            RoundStatistics.Report original = RoundStatistics.compute(build(rows), RSM);
            List<Row> relabelled = new ArrayList<>();
            List<Integer> names = new ArrayList<>();
            for (int i = 0; i < 12; i++) names.add(i);
            Collections.shuffle(names, random);
            for (Row row : rows) {
                int s = Integer.parseInt(row.scorer().substring(1));
                relabelled.add(new Row("x" + row.piece(), "T" + names.get(s), row.criterion(), row.score()));
            }
            Collections.shuffle(relabelled, random);
            RoundStatistics.Report other = RoundStatistics.compute(build(relabelled), RSM);
            assertEquals(original.round().exact(), other.round().exact(), "seed " + seed);
            assertEquals(original.round().adjacent(), other.round().adjacent());
            assertSame(original.round().kappa(), other.round().kappa());
            assertSame(original.round().quadraticKappa(), other.round().quadraticKappa());
            assertSame(original.round().alphaOrdinal(), other.round().alphaOrdinal());
            assertSame(original.round().iccAbsolute(), other.round().iccAbsolute());
            assertSame(original.round().iccConsistency(), other.round().iccConsistency());
            assertEquals(original.summary(), other.summary());
            if (original.rasch().estimated()) {
                assertEquals(original.rasch().scorers().summary().separation(), other.rasch().scorers().summary().separation(), 1e-3);
            }
        }
    }

    @Test
    void randomSparseDataNeverLeakNaN() {
        for (int seed = 100; seed < 150; seed++) {
            RoundStatistics.Report report = RoundStatistics.compute(build(randomRound(new Random(seed))), RSM);
            for (RoundStatistics.CriterionFigures c : report.criteria()) {
                for (Estimate e : List.of(c.figures().exact(), c.figures().kappa(), c.figures().linearKappa(),
                        c.figures().alphaInterval(), c.figures().iccAbsolute())) {
                    assertTrue(e.defined() ? Double.isFinite(e.value()) : e.reason() != null, e.toString());
                }
            }
            assertTrue(report.rasch().estimated() || report.rasch().reason() != null);
        }
    }

    @Test
    void allScoresEqualGiveDefinedResultsWithReasons() {
        Ratings r = Ratings.builder().add("p1", "A", "c", 2).add("p1", "B", "c", 2).add("p2", "A", "c", 2)
                .add("p2", "B", "c", 2).build();
        RoundStatistics.Report report = RoundStatistics.compute(r, RSM);
        assertEquals(1.0, report.round().exact().value());
        assertNull(report.round().kappa().value());
        assertNotNull(report.round().kappa().reason());
        assertNull(report.round().alphaOrdinal().value());
        assertNull(report.round().iccAbsolute().value());
        assertFalse(report.rasch().estimated());
    }

    @Test
    void oneScorerOrNoOverlapGiveReasons() {
        Ratings single = Ratings.builder().add("p1", "A", "c", 1).add("p2", "A", "c", 3).build();
        RoundStatistics.Report report = RoundStatistics.compute(single, RSM);
        assertEquals(0, report.round().pairs());
        assertTrue(report.round().exact().reason().contains("scored twice"));
        assertTrue(report.round().iccConsistency().reason().contains("one scorer"));
        assertTrue(report.scorerPairs().isEmpty());
    }

    /** 30 pieces, 12 scorers, 2 criteria, levels 1..4; most pieces double scored, some single, some triple. */
    private static List<Row> randomRound(Random random) {
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < 30; p++) {
            int quality = random.nextInt(4);
            int scorers = 1 + random.nextInt(3);
            int first = random.nextInt(12);
            for (int k = 0; k < scorers; k++) {
                int scorer = (first + k) % 12;
                for (int c = 0; c < 2; c++) {
                    if (random.nextInt(10) == 0) continue;
                    int score = Math.max(1, Math.min(4, 1 + quality + random.nextInt(3) - 1));
                    rows.add(new Row("p" + p, "S" + scorer, "c" + c, score));
                }
            }
        }
        return rows;
    }

    private static Ratings build(List<Row> rows) {
        Ratings.Builder builder = Ratings.builder();
        for (Row row : rows) builder.add(row.piece(), row.scorer(), row.criterion(), row.score());
        return builder.build();
    }

    /** Same value within rounding of sums taken in another order; same interval and reason. */
    private static void assertSame(Estimate a, Estimate b) {
        assertEquals(a.defined(), b.defined(), a + " vs " + b);
        if (a.defined()) {
            assertEquals(a.value(), b.value(), 1e-9);
            assertEquals(a.pieces(), b.pieces());
        }
    }
}
