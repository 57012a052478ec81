package org.calibrate.stats;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FairLevelsTest {

    private static final double[] THRESHOLDS = {-1.5, -0.5, 0.5, 1.5};
    private static final double[] DIFFICULTIES = {-0.4, 0, 0.4};
    /** Five scorers close to 0 and S5, 1.5 logits more severe than their mean. */
    private static final double[] SEVERITIES = {-0.4, -0.2, 0, 0.2, 0.4, 1.5};
    private static final int HARSH = 5;
    private static final int MOST_LENIENT = 0;

    /**
     * 200 pieces on 3 criteria (levels 1-5), each scored by a pair of the 6 scorers drawn at random, plus
     * piece X: the harsh scorer gives it 2 on every criterion and the most lenient scorer 4, a discrepancy
     * moderation would see.
     */
    private static final class HarshRound {
        final double[] ability = new double[200];
        final int[][] scorers = new int[200][];
        final int[][][] levels = new int[200][SEVERITIES.length][DIFFICULTIES.length];
        final Ratings ratings;

        HarshRound(long seed) {
            Random random = new Random(seed);
            Ratings.Builder b = Ratings.builder();
            for (int p = 0; p < ability.length; p++) {
                ability[p] = random.nextGaussian() * 1.5;
                int first = random.nextInt(SEVERITIES.length);
                scorers[p] = new int[] {first, (first + 1 + random.nextInt(SEVERITIES.length - 1)) % SEVERITIES.length};
                for (int s : scorers[p]) {
                    for (int c = 0; c < DIFFICULTIES.length; c++) {
                        levels[p][s][c] = 1 + Simulation.draw(ability[p] - SEVERITIES[s] - DIFFICULTIES[c], THRESHOLDS, random);
                        b.add(id(p), "S" + s, "C" + c, levels[p][s][c]);
                    }
                }
            }
            for (int c = 0; c < DIFFICULTIES.length; c++) {
                b.add("X", "S" + HARSH, "C" + c, 2).add("X", "S" + MOST_LENIENT, "C" + c, 4);
            }
            ratings = b.build();
        }

        static String id(int p) {
            return String.format("P%03d", p);
        }

        boolean scoredByHarsh(int p) {
            return scorers[p][0] == HARSH || scorers[p][1] == HARSH;
        }

        double rawMean(int p, int c) {
            return (levels[p][scorers[p][0]][c] + levels[p][scorers[p][1]][c]) / 2.0;
        }

        /** What an average scorer is expected to give, from the true parameters. */
        double trueFairLevel(int p, int c) {
            double mean = 0;
            for (double s : SEVERITIES) mean += s / SEVERITIES.length;
            return 1 + expected(ability[p] - mean - DIFFICULTIES[c], THRESHOLDS);
        }
    }

    @Test
    void aDiscrepantPieceOfTheHarshAndTheLenientScorerGetsFairLevelsBetweenNearerTheAverageScorer() {
        RaschResult result = ManyFacetRasch.fit(new HarshRound(1).ratings, ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
        assertTrue(result.estimated() && result.converged(), result.reason());
        Map<String, Double> fair = result.fairLevels().get("X");
        assertEquals(List.of("C0", "C1", "C2"), List.copyOf(fair.keySet()));
        for (Map.Entry<String, Double> level : fair.entrySet()) {
            assertTrue(level.getValue() > 2 && level.getValue() < 4, level.toString());
        }
        // The lenient scorer is 0.65 logits below the average severity, the harsh one 1.25 above it: an
        // average scorer would give nearer the lenient scorer's 4 than the harsh scorer's 2.
        double mean = fair.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(mean > 3.1, "mean fair level " + mean);
        // Harder criteria get lower fair levels at the same piece measure.
        assertTrue(fair.get("C0") > fair.get("C1") && fair.get("C1") > fair.get("C2"), fair.toString());
    }

    @Test
    void fairLevelsTrackTrueAbilityBetterThanRawLevelsWhereTheHarshScorerScored() {
        HarshRound round = new HarshRound(1);
        RaschResult result = ManyFacetRasch.fit(round.ratings, ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
        double rawError = 0;
        double fairError = 0;
        double rawBias = 0;
        double fairBias = 0;
        int units = 0;
        double[] rawPiece = new double[round.ability.length];
        double[] fairPiece = new double[round.ability.length];
        for (int p = 0; p < round.ability.length; p++) {
            Map<String, Double> fair = result.fairLevels().get(HarshRound.id(p));
            for (int c = 0; c < DIFFICULTIES.length; c++) {
                double raw = round.rawMean(p, c);
                double level = fair.get("C" + c);
                rawPiece[p] += raw / DIFFICULTIES.length;
                fairPiece[p] += level / DIFFICULTIES.length;
                if (!round.scoredByHarsh(p)) continue;
                double truth = round.trueFairLevel(p, c);
                rawError += (raw - truth) * (raw - truth);
                fairError += (level - truth) * (level - truth);
                rawBias += raw - truth;
                fairBias += level - truth;
                units++;
            }
        }
        assertTrue(units > 150, "units " + units);
        double rawRmse = Math.sqrt(rawError / units);
        double fairRmse = Math.sqrt(fairError / units);
        // Raw levels of the harsh scorer's pieces sit about a third of a level low; fair levels do not.
        assertTrue(rawBias / units < -0.2, "raw bias " + rawBias / units);
        assertTrue(Math.abs(fairBias / units) < 0.1, "fair bias " + fairBias / units);
        assertTrue(fairRmse < 0.75 * rawRmse, "RMSE fair " + fairRmse + ", raw " + rawRmse);
        // Over the whole round the harsh scorer's pieces are ranked among the others; a shift common to all
        // of them would not lower a correlation within them, so the round is where adjustment shows.
        double rawCorrelation = ManyFacetRaschTest.correlation(rawPiece, round.ability);
        double fairCorrelation = ManyFacetRaschTest.correlation(fairPiece, round.ability);
        assertTrue(fairCorrelation > rawCorrelation + 0.02, "fair " + fairCorrelation + ", raw " + rawCorrelation);
    }

    @Test
    void fairAverageIsTheMeanOfTheFairLevelsAndEachIsTheAverageScorersExpectedLevel() {
        for (ManyFacetRasch.Model model : ManyFacetRasch.Model.values()) {
            RaschResult result = ManyFacetRasch.fit(withExtremePieces(new HarshRound(2).ratings), ManyFacetRasch.Options.of(model));
            assertTrue(result.estimated(), result.reason());
            assertEquals(result.pieces().elements().size(), result.fairLevels().size());
            assertTrue(result.pieces().elements().stream().anyMatch(RaschResult.Element::extreme));
            for (RaschResult.Element piece : result.pieces().elements()) {
                Map<String, Double> fair = result.fairLevels().get(piece.id());
                assertEquals(3, fair.size(), piece.id());
                double sum = 0;
                for (Map.Entry<String, Double> level : fair.entrySet()) {
                    assertTrue(Double.isFinite(level.getValue()), piece.id() + " " + level);
                    assertEquals(expectedLevel(result, piece, level.getKey(), model), level.getValue(), 1e-9,
                            model + " " + piece.id() + " " + level.getKey());
                    sum += level.getValue();
                }
                assertEquals(piece.fairAverage(), sum / fair.size(), 1e-9, model + " " + piece.id());
            }
            RaschResult.Element top = result.pieces().elements().stream().filter(e -> e.id().equals("TOP")).findFirst().orElseThrow();
            assertTrue(top.extreme() && result.fairLevels().get("TOP").values().stream().allMatch(v -> v > 4.5 && v < 5));
        }
    }

    @Test
    void fairLevelsReadLikeAnOrderedReadOnlyMap() {
        RaschResult result = ManyFacetRasch.fit(new HarshRound(5).ratings, ManyFacetRasch.Options.of(ManyFacetRasch.Model.PCM));
        Map<String, Map<String, Double>> fair = result.fairLevels();
        List<String> ids = result.pieces().elements().stream().map(RaschResult.Element::id).toList();
        assertEquals(ids, List.copyOf(fair.keySet()));
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        fair.forEach((piece, levels) -> copy.put(piece, new LinkedHashMap<>(levels)));
        assertEquals(copy, fair);
        assertEquals(fair, copy);
        assertEquals(copy.hashCode(), fair.hashCode());
        assertTrue(fair.containsKey("X") && fair.get("X").containsKey("C1"));
        assertNull(fair.get("no such piece"));
        assertNull(fair.get("X").get("C9"));
        assertFalse(fair.containsKey(42));
        assertThrows(UnsupportedOperationException.class, () -> fair.put("Y", Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> fair.get("X").put("C0", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> fair.entrySet().iterator().remove());
        java.util.Iterator<Map.Entry<String, Double>> levels = fair.get("X").entrySet().iterator();
        for (int c = 0; c < DIFFICULTIES.length; c++) assertEquals("C" + c, levels.next().getKey());
        assertThrows(java.util.NoSuchElementException.class, levels::next);
    }

    @Test
    void aPieceScoredOnSomeCriteriaHasFairLevelsOnThoseOnlyWhileFairAverageTakesEveryCriterion() {
        Ratings.Builder b = copy(new HarshRound(3).ratings);
        b.add("PART", "S1", "C0", 3).add("PART", "S2", "C0", 4).add("PART", "S1", "C2", 2).add("PART", "S2", "C2", 3);
        RaschResult result = ManyFacetRasch.fit(b.build(), ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
        RaschResult.Element part = result.pieces().elements().stream().filter(e -> e.id().equals("PART")).findFirst().orElseThrow();
        Map<String, Double> fair = result.fairLevels().get("PART");
        assertEquals(List.of("C0", "C2"), List.copyOf(fair.keySet()));
        double everyCriterion = (fair.get("C0") + expectedLevel(result, part, "C1", ManyFacetRasch.Model.RSM) + fair.get("C2")) / 3;
        assertEquals(everyCriterion, part.fairAverage(), 1e-9);
    }

    @Test
    void roundingGoesToTheNearestLevelTiesUpThenClampsToTheCriterionsRange() {
        Map<String, RaschResult.LevelRange> ranges = Map.of("a", new RaschResult.LevelRange(1, 4),
                "b", new RaschResult.LevelRange(1, 4), "c", new RaschResult.LevelRange(1, 4),
                "d", new RaschResult.LevelRange(1, 4), "e", new RaschResult.LevelRange(1, 4),
                "f", new RaschResult.LevelRange(-2, 2), "g", new RaschResult.LevelRange(0, 3));
        Map<String, Double> fair = new LinkedHashMap<>();
        fair.put("a", 2.5);
        fair.put("b", 2.4999);
        fair.put("c", 3.5001);
        fair.put("d", 4.6);
        fair.put("e", 0.7);
        fair.put("f", -1.5);
        fair.put("g", 0.49999999999999994);
        Map<String, Integer> rounded = RaschResult.rounded(fair, ranges);
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), List.copyOf(rounded.keySet()));
        assertEquals(3, rounded.get("a"));
        assertEquals(2, rounded.get("b"));
        assertEquals(4, rounded.get("c"));
        assertEquals(4, rounded.get("d"), "above the range: the highest level");
        assertEquals(1, rounded.get("e"), "below the range: the lowest level");
        assertEquals(-1, rounded.get("f"), "a tie goes to the higher level, also below zero");
        assertEquals(0, rounded.get("g"), "just below a half is not a tie");
    }

    @Test
    void roundingRefusesAMissingRangeANonNumberAndAnUpsideDownRange() {
        Map<String, RaschResult.LevelRange> ranges = Map.of("a", new RaschResult.LevelRange(1, 4));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RaschResult.rounded(Map.of("a", 2.0, "b", 3.0), ranges));
        assertTrue(missing.getMessage().contains("criterion b"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RaschResult.rounded(Map.of("a", Double.NaN), ranges));
        IllegalArgumentException upsideDown = assertThrows(IllegalArgumentException.class, () -> new RaschResult.LevelRange(4, 1));
        assertTrue(upsideDown.getMessage().contains("lowest first"), upsideDown.getMessage());
        assertEquals(Map.of(), RaschResult.rounded(Map.of(), ranges));
    }

    @Test
    void roundedFairLevelsOfAFittedRoundStayOnTheRubric() {
        RaschResult result = ManyFacetRasch.fit(withExtremePieces(new HarshRound(4).ratings), ManyFacetRasch.Options.of(ManyFacetRasch.Model.PCM));
        Map<String, RaschResult.LevelRange> ranges = Map.of("C0", new RaschResult.LevelRange(1, 5),
                "C1", new RaschResult.LevelRange(1, 5), "C2", new RaschResult.LevelRange(1, 5));
        for (Map.Entry<String, Map<String, Double>> piece : result.fairLevels().entrySet()) {
            Map<String, Integer> rounded = RaschResult.rounded(piece.getValue(), ranges);
            for (String c : rounded.keySet()) {
                assertTrue(rounded.get(c) >= 1 && rounded.get(c) <= 5, piece.getKey() + " " + rounded);
                assertTrue(Math.abs(rounded.get(c) - piece.getValue().get(c)) <= 0.5, piece.getKey() + " " + rounded);
            }
        }
        assertEquals(Map.of("C0", 5, "C1", 5, "C2", 5), RaschResult.rounded(result.fairLevels().get("TOP"), ranges));
        assertEquals(Map.of("C0", 1, "C1", 1, "C2", 1), RaschResult.rounded(result.fairLevels().get("BOTTOM"), ranges));
    }

    @Test
    void anUnestimatedResultHasNoFairLevels() {
        Ratings.Builder disconnected = Ratings.builder();
        int[][] scores = {{1, 2}, {2, 3}, {3, 3}, {2, 1}};
        for (int i = 0; i < 4; i++) {
            disconnected.add("p" + i, "A", "c", scores[i][0]).add("p" + i, "B", "c", scores[i][1]);
            disconnected.add("q" + i, "C", "c", scores[i][0]).add("q" + i, "D", "c", scores[i][1]);
        }
        Ratings allExtreme = Ratings.builder().add("p1", "A", "c", 3).add("p1", "B", "c", 3).add("p2", "A", "c", 3).build();
        for (Ratings ratings : List.of(disconnected.build(), allExtreme, Ratings.builder().build())) {
            for (ManyFacetRasch.Model model : ManyFacetRasch.Model.values()) {
                RaschResult result = ManyFacetRasch.fit(ratings, ManyFacetRasch.Options.of(model));
                assertFalse(result.estimated());
                assertEquals(Map.of(), result.fairLevels(), result.reason());
            }
        }
    }

    /** The fair level from the reported measures alone: E(x) at B - (mean severity) - D with the criterion's thresholds. */
    private static double expectedLevel(RaschResult result, RaschResult.Element piece, String criterion, ManyFacetRasch.Model model) {
        RaschResult.Element c = result.criteria().elements().stream().filter(e -> e.id().equals(criterion)).findFirst().orElseThrow();
        double severity = result.scorers().elements().stream().filter(e -> !e.extreme())
                .mapToDouble(RaschResult.Element::measure).average().orElseThrow();
        double[] thresholds = c.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
        // Every level 1-5 is used on every criterion here, so the scale starts at 1 under both models.
        assertEquals(4, thresholds.length, model.toString());
        return 1 + expected(piece.measure() - severity - c.measure(), thresholds);
    }

    static double expected(double theta, double[] thresholds) {
        double[] weight = new double[thresholds.length + 1];
        double logit = 0;
        double sum = weight[0] = 1;
        for (int k = 1; k < weight.length; k++) {
            logit += theta - thresholds[k - 1];
            weight[k] = Math.exp(logit);
            sum += weight[k];
        }
        double e = 0;
        for (int k = 0; k < weight.length; k++) e += k * weight[k] / sum;
        return e;
    }

    /** Adds TOP (every score 5) and BOTTOM (every score 1), scored by S1 and S2 on every criterion. */
    private static Ratings withExtremePieces(Ratings r) {
        Ratings.Builder b = copy(r);
        for (String scorer : new String[] {"S1", "S2"}) {
            for (int c = 0; c < DIFFICULTIES.length; c++) b.add("TOP", scorer, "C" + c, 5).add("BOTTOM", scorer, "C" + c, 1);
        }
        return b.build();
    }

    private static Ratings.Builder copy(Ratings r) {
        Ratings.Builder b = Ratings.builder();
        for (int i = 0; i < r.size(); i++) b.add(r.pieceId(r.piece(i)), r.scorerId(r.scorer(i)), r.criterionId(r.criterion(i)), r.score(i));
        return b;
    }
}
