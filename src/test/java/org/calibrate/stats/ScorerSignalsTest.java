package org.calibrate.stats;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorerSignalsTest {
    private static final String HALO = "S-halo";
    private static final String CENTRAL = "S-central";
    private static final String DRIFT = "S-drift";

    /**
     * 1,500 pieces, double scored on four criteria by twelve scorers drawn at random, levels 1..5 from a
     * rating scale model. Each piece has a general quality and a criterion-specific part of the same size,
     * so criterion levels correlate moderately. Three scorers carry a planted bias: HALO copies the level they
     * would give the first criterion to the others; CENTRAL pulls every level 60% of the way to 3; DRIFT
     * scores one level higher from the middle of the round on. Pieces are scored in piece order.
     */
    private static Ratings plantedRound(long seed) {
        Random random = new Random(seed);
        String[] scorers = new String[12];
        double[] severity = new double[12];
        for (int j = 0; j < 9; j++) {
            scorers[j] = String.format("S%02d", j);
            severity[j] = -0.4 + 0.1 * j;
        }
        scorers[9] = HALO;
        scorers[10] = CENTRAL;
        scorers[11] = DRIFT;
        int pieces = 1500;
        Ratings.Builder b = Ratings.builder();
        for (int p = 0; p < pieces; p++) {
            double general = random.nextGaussian();
            double[] ability = new double[4];
            for (int c = 0; c < 4; c++) ability[c] = general + random.nextGaussian();
            int first = random.nextInt(12);
            int second = (first + 1 + random.nextInt(11)) % 12;
            for (int j : new int[] {first, second}) {
                int[] level = new int[4];
                for (int c = 0; c < 4; c++) level[c] = draw(ability[c] - severity[j] - 0.2 * (c - 1.5), random);
                for (int c = 0; c < 4; c++) {
                    int v = level[c];
                    if (scorers[j].equals(HALO)) v = Math.max(1, Math.min(5, level[0] + (random.nextInt(10) == 0 ? 1 : 0)));
                    if (scorers[j].equals(CENTRAL)) v = (int) Math.round(3 + 0.4 * (level[c] - 3));
                    if (scorers[j].equals(DRIFT) && p >= pieces / 2) v = Math.min(5, v + 1);
                    b.add(String.format("P%05d", p), scorers[j], "C" + c, v, p);
                }
            }
        }
        return b.build();
    }

    private static int draw(double theta, Random random) {
        return 1 + Simulation.draw(theta, new double[] {-1.5, -0.5, 0.5, 1.5}, random);
    }

    private static ScorerSignals.Scorer scorer(ScorerSignals.Signals signals, String id) {
        return signals.scorers().stream().filter(s -> s.scorer().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void plantedBiasesAreFlaggedAndCleanScorersAreNot() {
        for (long seed : new long[] {1, 2, 3}) {
            ScorerSignals.Signals signals = ScorerSignals.of(plantedRound(seed), ScorerSignals.NO_ANCHORS);
            assertEquals(12, signals.scorers().size());
            ScorerSignals.Scorer halo = scorer(signals, HALO);
            assertTrue(halo.halo().flagged(), "seed " + seed + ": " + halo.halo() + " round " + signals.round().halo());
            ScorerSignals.Scorer central = scorer(signals, CENTRAL);
            assertTrue(central.centralTendency().flagged(), "seed " + seed + ": " + central.centralTendency());
            assertTrue(central.centralTendency().extremeShare().value() < signals.round().extremeShare().value());
            ScorerSignals.Scorer drift = scorer(signals, DRIFT);
            assertTrue(drift.drift().flagged(), "seed " + seed + ": " + drift.drift());
            assertTrue(drift.drift().change().value() > 0.5, drift.drift().toString());
            for (ScorerSignals.Scorer s : signals.scorers()) {
                if (!s.scorer().equals(HALO)) assertFalse(s.halo().flagged(), "seed " + seed + ": " + s);
                if (!s.scorer().equals(CENTRAL)) assertFalse(s.centralTendency().flagged(), "seed " + seed + ": " + s);
                if (!s.scorer().equals(DRIFT)) assertFalse(s.drift().flagged(), "seed " + seed + ": " + s);
                assertFalse(s.accuracy().flagged());
                assertTrue(s.halo().pieces() >= 10 && s.drift().scores() > 0 && s.centralTendency().scores() > 0);
            }
        }
    }

    @Test
    void signalsAreDeterministicAndPartOfTheReport() {
        Ratings r = plantedRound(7);
        RoundStatistics.Report report = RoundStatistics.compute(r, null);
        assertEquals(ScorerSignals.of(r, ScorerSignals.NO_ANCHORS), report.signals());
        assertEquals(report.signals(), RoundStatistics.compute(plantedRound(7), null).signals());
    }

    @Test
    void anchorAccuracyMatchesAHandComputedExample() {
        // Anchors: P1 {ideas 3, language 2}, P2 {ideas 4, language 1}. Ana gives 3, 3, 2, 1: differences
        // 0, +1, -2, 0 -> exact 2/4, adjacent 3/4, mean difference -0.25. Ben scored no anchor piece.
        Ratings r = Ratings.builder()
                .add("P1", "ana", "ideas", 3).add("P1", "ana", "language", 3)
                .add("P2", "ana", "ideas", 2).add("P2", "ana", "language", 1)
                .add("P3", "ana", "ideas", 4).add("P3", "ben", "ideas", 4)
                .add("P4", "ben", "ideas", 2).add("P4", "ben", "language", 2)
                .build();
        Map<String, Map<String, Integer>> anchors = Map.of(
                "P1", Map.of("ideas", 3, "language", 2),
                "P2", Map.of("ideas", 4, "language", 1),
                "P9", Map.of("ideas", 2));
        ScorerSignals.Signals signals = ScorerSignals.of(r, anchors);
        assertEquals(5, signals.round().anchors());
        assertEquals(4, signals.round().anchorsInRound());
        ScorerSignals.Accuracy ana = scorer(signals, "ana").accuracy();
        assertEquals(4, ana.scores());
        assertEquals(0.5, ana.exact().value(), 1e-12);
        assertEquals(0.75, ana.adjacent().value(), 1e-12);
        assertEquals(-0.25, ana.meanDifference().value(), 1e-12);
        assertEquals(2, ana.exact().pieces());
        // Sample variance of (0, 1, -2, 0) is 4.75 / 3; SE sqrt(4.75 / 12) = 0.629153; t(3) 0.975 quantile
        // 3.182446 -> half width 2.002245.
        assertEquals(-0.25 - 2.002245, ana.meanDifference().lower(), 1e-5);
        assertFalse(ana.flagged(), "four anchor scores are too few to flag");
        ScorerSignals.Accuracy ben = scorer(signals, "ben").accuracy();
        assertNull(ben.exact().value());
        assertTrue(ben.exact().reason().contains("none of the anchor pieces"), ben.toString());
    }

    @Test
    void aScorerOffTheAnchorsByALevelIsFlagged() {
        Ratings.Builder b = Ratings.builder();
        Map<String, Map<String, Integer>> anchors = new java.util.HashMap<>();
        for (int p = 0; p < 12; p++) {
            int known = 1 + p % 4;
            anchors.put("A" + p, Map.of("c", known));
            b.add("A" + p, "lenient", "c", known + 1);
            b.add("A" + p, "true", "c", known);
        }
        ScorerSignals.Signals signals = ScorerSignals.of(b.build(), anchors);
        ScorerSignals.Accuracy lenient = scorer(signals, "lenient").accuracy();
        assertTrue(lenient.flagged(), lenient.toString());
        assertEquals(1.0, lenient.meanDifference().value(), 1e-12);
        assertEquals(0.0, lenient.exact().value(), 1e-12);
        assertEquals(1.0, lenient.adjacent().value(), 1e-12);
        ScorerSignals.Accuracy exact = scorer(signals, "true").accuracy();
        assertFalse(exact.flagged());
        assertEquals(1.0, exact.exact().value(), 1e-12);
    }

    @Test
    void degenerateRoundsGiveReasonsNotNumbers() {
        // One criterion, no order, no anchors, every level the same, a handful of scores.
        Ratings r = Ratings.builder().add("P1", "ana", "ideas", 3).add("P1", "ben", "ideas", 3)
                .add("P2", "ana", "ideas", 3).add("P2", "ben", "ideas", 3).build();
        ScorerSignals.Signals signals = ScorerSignals.of(r, ScorerSignals.NO_ANCHORS);
        ScorerSignals.Scorer ana = scorer(signals, "ana");
        assertReason(ana.halo().correlation(), "one criterion");
        assertReason(signals.round().halo(), "one criterion");
        assertReason(ana.drift().change(), "no order");
        assertReason(ana.accuracy().exact(), "no anchor pieces");
        assertReason(ana.centralTendency().sdRatio(), "every level in the round is the same");
        assertNull(ana.halo().excess());
        assertNull(ana.drift().t());
        assertFalse(ana.halo().flagged() || ana.centralTendency().flagged() || ana.drift().flagged() || ana.accuracy().flagged());

        Ratings ordered = Ratings.builder().add("P1", "ana", "ideas", 3, 1).add("P1", "ben", "ideas", 2, 2)
                .add("P2", "ana", "ideas", 1, 3).add("P2", "ben", "ideas", 4, 4).build();
        assertReason(scorer(ScorerSignals.of(ordered, null), "ana").drift().early(), "at least 15");

        Ratings constant = Ratings.builder().add("P1", "ana", "a", 2).add("P1", "ana", "b", 2)
                .add("P2", "ana", "a", 2).add("P2", "ana", "b", 2).add("P3", "ana", "a", 2).add("P3", "ana", "b", 2)
                .add("P3", "ben", "a", 4).add("P3", "ben", "b", 1).build();
        assertReason(scorer(ScorerSignals.of(constant, null), "ana").halo().correlation(), "varied");
    }

    @Test
    void ordersAreAllOrNothing() {
        Ratings.Builder b = Ratings.builder().add("P1", "ana", "ideas", 3, 10).add("P1", "ben", "ideas", 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("order"), e.getMessage());
        Ratings r = Ratings.builder().add("P2", "ana", "ideas", 3, 20).add("P1", "ana", "ideas", 2, 10).build();
        assertTrue(r.hasOrder());
        assertEquals(10, r.order(0));
        assertEquals(20, r.order(1));
        assertFalse(Ratings.builder().add("P1", "a", "c", 1).build().hasOrder());
    }

    private static void assertReason(Estimate e, String part) {
        assertNotNull(e);
        assertNull(e.value(), e.toString());
        assertTrue(e.reason() != null && e.reason().contains(part), e.toString());
    }
}
