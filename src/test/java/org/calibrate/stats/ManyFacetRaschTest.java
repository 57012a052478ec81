package org.calibrate.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManyFacetRaschTest {

    @Test
    void recoversScorerSeveritiesFromASimulatedRound() {
        Simulation sim = new Simulation(2000, 20, 4, 7);
        // With the (L-1)/L correction the severities are unbiased, so they must fall within 3 SE of the truth.
        RaschResult result = ManyFacetRasch.fit(sim.ratings, new ManyFacetRasch.Options(ManyFacetRasch.Model.RSM, true, 500, 1e-5));
        assertTrue(result.estimated(), result.reason());
        assertTrue(result.converged());
        assertTrue(result.biasCorrected());
        List<RaschResult.Element> scorers = result.scorers().elements();
        double[] estimated = scorers.stream().mapToDouble(RaschResult.Element::measure).toArray();
        for (int j = 0; j < estimated.length; j++) {
            double se = scorers.get(j).se();
            assertTrue(Math.abs(estimated[j] - sim.severities[j]) < 3 * se,
                    "scorer " + j + ": estimated " + estimated[j] + ", true " + sim.severities[j] + ", SE " + se);
        }
        assertTrue(correlation(estimated, sim.severities) > 0.95);
        double[] pieces = result.pieces().elements().stream().mapToDouble(RaschResult.Element::measure).toArray();
        assertTrue(correlation(pieces, sim.pieces) > 0.85);
        // Data that fit the model have mean squares near 1, and severities this far apart are well separated.
        for (RaschResult.Element s : scorers) {
            assertTrue(s.infit() > 0.8 && s.infit() < 1.2, "infit " + s.infit());
            assertTrue(s.outfit() > 0.7 && s.outfit() < 1.3, "outfit " + s.outfit());
        }
        assertTrue(result.scorers().summary().reliability() > 0.9);
        List<Double> thresholds = result.criteria().elements().get(0).thresholds();
        for (int k = 0; k < 4; k++) assertEquals(sim.thresholds[k], thresholds.get(k), 0.2);
        double[] difficulties = result.criteria().elements().stream().mapToDouble(RaschResult.Element::measure).toArray();
        for (int c = 0; c < 4; c++) assertEquals(sim.difficulties[c], difficulties[c], 0.1);
    }

    @Test
    void estimatesAreIdenticalBetweenRunsAndBothModelsRun() {
        Simulation sim = new Simulation(500, 10, 3, 11);
        for (ManyFacetRasch.Model model : ManyFacetRasch.Model.values()) {
            RaschResult a = ManyFacetRasch.fit(sim.ratings, ManyFacetRasch.Options.of(model));
            RaschResult b = ManyFacetRasch.fit(sim.ratings, ManyFacetRasch.Options.of(model));
            assertTrue(a.estimated(), a.reason());
            assertEquals(a, b);
            assertEquals(model.name().toLowerCase(), a.model());
        }
        RaschResult pcm = ManyFacetRasch.fit(sim.ratings, ManyFacetRasch.Options.of(ManyFacetRasch.Model.PCM));
        // Partial credit: each criterion has its own thresholds.
        assertFalse(pcm.criteria().elements().get(0).thresholds().equals(pcm.criteria().elements().get(1).thresholds()));
    }

    @Test
    void disconnectedDesignIsReportedNotEstimated() {
        Ratings.Builder b = Ratings.builder();
        // Scorers A and B share pieces 1-4; scorers C and D share pieces 5-8; nothing links the two groups.
        int[][] scores = {{1, 2}, {2, 3}, {3, 3}, {2, 1}};
        for (int i = 0; i < 4; i++) {
            b.add("p" + i, "A", "c", scores[i][0]).add("p" + i, "B", "c", scores[i][1]);
            b.add("q" + i, "C", "c", scores[i][0]).add("q" + i, "D", "c", scores[i][1]);
        }
        RaschResult result = ManyFacetRasch.fit(b.build(), ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
        assertFalse(result.estimated());
        assertTrue(result.reason().contains("disconnected"), result.reason());
        assertEquals(2, result.subsets().size());
        assertEquals(List.of("A", "B"), result.subsets().get(0).scorerIds());
        assertEquals(List.of("C", "D"), result.subsets().get(1).scorerIds());
        assertNull(result.pieces());
    }

    @Test
    void extremePiecesAreFlaggedAndGivenAnExtrapolatedMeasure() {
        Simulation sim = new Simulation(300, 8, 2, 3);
        Ratings.Builder b = Ratings.builder();
        for (int i = 0; i < sim.ratings.size(); i++) {
            Ratings r = sim.ratings;
            b.add(r.pieceId(r.piece(i)), r.scorerId(r.scorer(i)), r.criterionId(r.criterion(i)), r.score(i));
        }
        for (String scorer : new String[] {"S000", "S001"}) {
            for (String c : new String[] {"C0", "C1"}) {
                b.add("TOP", scorer, c, 5);
                b.add("BOTTOM", scorer, c, 1);
            }
        }
        RaschResult result = ManyFacetRasch.fit(b.build(), ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
        assertTrue(result.estimated(), result.reason());
        RaschResult.Element top = piece(result, "TOP");
        RaschResult.Element bottom = piece(result, "BOTTOM");
        assertTrue(top.extreme() && bottom.extreme());
        assertNull(top.infit());
        double highest = result.pieces().elements().stream().filter(e -> !e.extreme()).mapToDouble(RaschResult.Element::measure).max().orElseThrow();
        assertTrue(Double.isFinite(top.measure()) && top.measure() > 2, "top " + top.measure());
        assertTrue(bottom.measure() < -2, "bottom " + bottom.measure());
        assertTrue(Double.isFinite(top.se()));
        assertTrue(top.fairAverage() > 4.5 && bottom.fairAverage() < 1.5);
        assertNotNull(highest);
    }

    @Test
    void allScoresEqualGiveAReasonNotNumbers() {
        Ratings r = Ratings.builder().add("p1", "A", "c", 3).add("p1", "B", "c", 3).add("p2", "A", "c", 3).build();
        RaschResult result = ManyFacetRasch.fit(r, ManyFacetRasch.Options.of(ManyFacetRasch.Model.PCM));
        assertFalse(result.estimated());
        assertTrue(result.reason().contains("extreme"), result.reason());
    }

    @Test
    void biasScreenFlagsAScorerWhoIsHarshOnOneCriterionOnly() {
        Simulation sim = new Simulation(1500, 10, 4, 5);
        Ratings.Builder b = Ratings.builder();
        Ratings r = sim.ratings;
        for (int i = 0; i < r.size(); i++) {
            int score = r.score(i);
            // Scorer S004 marks criterion C2 two levels down whenever the scale allows.
            if (r.scorerId(r.scorer(i)).equals("S004") && r.criterionId(r.criterion(i)).equals("C2")) score = Math.max(1, score - 2);
            b.add(r.pieceId(r.piece(i)), r.scorerId(r.scorer(i)), r.criterionId(r.criterion(i)), score);
        }
        RaschResult result = ManyFacetRasch.fit(b.build(), ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
        List<RaschResult.Bias> flagged = result.bias().stream().filter(RaschResult.Bias::flagged).toList();
        RaschResult.Bias strongest = result.bias().stream().max(java.util.Comparator.comparingDouble(x -> Math.abs(x.t()))).orElseThrow();
        assertEquals("S004", strongest.scorer());
        assertEquals("C2", strongest.criterion());
        assertTrue(strongest.flagged() && strongest.bias() < -1, strongest.toString());
    }

    @Test
    void biasScreenRaisesFewAlarmsOnDataThatFitTheModel() {
        Simulation sim = new Simulation(1500, 10, 4, 5);
        RaschResult result = ManyFacetRasch.fit(sim.ratings, ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
        assertEquals(40, result.bias().size());
        // |t| >= 2 by chance in about 5% of 40 cells.
        assertTrue(result.bias().stream().filter(RaschResult.Bias::flagged).count() <= 5, result.bias().toString());
    }

    /**
     * A ring of 100 scorers, each sharing 10 pieces with the next, severities varying smoothly round the
     * ring: the design in which block steps crawl. The joint scorer step must converge within a bounded number
     * of iterations to what the plain block iteration reaches when left to run long enough.
     */
    @Test
    void ringOfScorersConvergesQuicklyToTheSlowPathsEstimates() {
        Ratings ring = ring(100, 10, 13);
        RaschResult fast = ManyFacetRasch.fit(ring, ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
        assertTrue(fast.converged(), "iterations " + fast.iterations() + ", max change " + fast.maxChange());
        assertTrue(fast.iterations() <= 100, "iterations " + fast.iterations());
        RaschResult slow = ManyFacetRasch.fitBlockwise(ring, new ManyFacetRasch.Options(ManyFacetRasch.Model.RSM, false, 100_000, 1e-8));
        assertTrue(slow.converged(), "slow path: iterations " + slow.iterations());
        assertTrue(slow.iterations() > 5 * fast.iterations(), "slow " + slow.iterations() + ", fast " + fast.iterations());
        for (int j = 0; j < 100; j++) {
            assertEquals(slow.scorers().elements().get(j).measure(), fast.scorers().elements().get(j).measure(), 1e-3, "scorer " + j);
        }
        for (int k = 0; k < slow.pieces().elements().size(); k += 37) {
            assertEquals(slow.pieces().elements().get(k).measure(), fast.pieces().elements().get(k).measure(), 1e-3, "piece " + k);
        }
        assertEquals(slow.criteria().elements().get(0).thresholds().get(0), fast.criteria().elements().get(0).thresholds().get(0), 1e-3);
    }

    static Ratings ring(int scorers, int piecesPerLink, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] thresholds = {-1.5, -0.5, 0.5, 1.5};
        Ratings.Builder b = Ratings.builder();
        int piece = 0;
        for (int j = 0; j < scorers; j++) {
            for (int k = 0; k < piecesPerLink; k++, piece++) {
                double ability = random.nextGaussian() * 1.5;
                for (int s : new int[] {j, (j + 1) % scorers}) {
                    double severity = Math.sin(2 * Math.PI * s / scorers);
                    for (int c = 0; c < 2; c++) {
                        int level = Simulation.draw(ability - severity - 0.3 * (c - 0.5), thresholds, random);
                        b.add(String.format("P%05d", piece), String.format("S%03d", s), "C" + c, level + 1);
                    }
                }
            }
        }
        return b.build();
    }

    private static RaschResult.Element piece(RaschResult result, String id) {
        return result.pieces().elements().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
