package org.calibrate.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Everything the reliability report of a round shows, computed from its scoring chart: agreement for the
 * round, per criterion, per scorer pair and per scorer, the scorer-bias signals and the many-facet Rasch analysis.
 *
 * <p>Round-level and criterion-level figures treat a unit (a piece on a criterion) as the thing scored; at
 * those levels the two scorers change from piece to piece, so kappa is computed on the symmetrised table
 * (pooled marginals) and does not depend on which scorer is called first. Per scorer pair it is Cohen's
 * kappa proper. Figures pooled over criteria use the rubric's overall level range.
 */
public final class RoundStatistics {

    public record Report(Summary summary, Figures round, List<CriterionFigures> criteria,
                         List<PairFigures> scorerPairs, List<ScorerFigures> scorers, ScorerSignals.Signals signals,
                         RaschResult rasch) {
    }

    public record Summary(int ratings, int pieces, int scorers, int criteria, int minScore, int maxScore,
                          int piecesScoredTwice) {
    }

    /** The figures of a set of units. pairs = pairs of scores compared; pieces = distinct pieces behind them. */
    public record Figures(int pieces, int pairs, Estimate exact, Estimate adjacent, Estimate kappa,
                          Estimate linearKappa, Estimate quadraticKappa, Estimate alphaOrdinal,
                          Estimate alphaInterval, Estimate iccConsistency, Estimate iccAbsolute) {
    }

    public record CriterionFigures(String criterion, int minScore, int maxScore, Figures figures) {
    }

    public record PairFigures(String firstScorer, String secondScorer, int pieces, int pairs, Estimate exact,
                              Estimate adjacent, Estimate kappa, Estimate linearKappa, Estimate quadraticKappa) {
    }

    public record ScorerFigures(String scorer, int pieces, int pairs, Estimate exact, Estimate adjacent) {
    }

    private RoundStatistics() {
    }

    /** With {@code options} null the Rasch analysis is skipped and {@code rasch} is null (agreement only). */
    public static Report compute(Ratings r, ManyFacetRasch.Options options) {
        return compute(r, options, ScorerSignals.NO_ANCHORS);
    }

    /** As above, with the known levels of anchor pieces (piece id, criterion id, level) for the accuracy screen. */
    public static Report compute(Ratings r, ManyFacetRasch.Options options, Map<String, Map<String, Integer>> anchors) {
        Pairs pairs = Pairs.of(r);
        int[] allUnits = IntStream.range(0, r.units()).toArray();
        Figures round = figures(r, pairs, allUnits, pairs.all(), r.minScore(), r.maxScore());
        List<CriterionFigures> criteria = new ArrayList<>();
        for (int c = 0; c < r.criteria(); c++) {
            int criterion = c;
            int[] units = IntStream.range(0, r.units()).filter(u -> r.unitCriterion(u) == criterion).toArray();
            criteria.add(new CriterionFigures(r.criterionId(c), r.minScore(c), r.maxScore(c),
                    figures(r, pairs, units, pairs.onCriterion(c), r.minScore(c), r.maxScore(c))));
        }
        Summary summary = new Summary(r.size(), r.pieces(), r.scorers(), r.criteria(), r.minScore(), r.maxScore(),
                round.pieces());
        return new Report(summary, round, List.copyOf(criteria), scorerPairs(r, pairs), scorers(r, pairs),
                ScorerSignals.of(r, anchors), options == null ? null : ManyFacetRasch.fit(r, options));
    }

    private static Figures figures(Ratings r, Pairs pairs, int[] units, int[] at, int min, int max) {
        Agreement.Rates rates = Agreement.of(pairs, at);
        int pieces = pairs.pieces(at);
        double[][] table = CohenKappa.table(pairs, at, min, max, true);
        Icc.Result icc = Icc.of(r, units, pieces);
        List<Estimate> alpha = KrippendorffAlpha.of(r, units, min, max,
                List.of(KrippendorffAlpha.Metric.ORDINAL, KrippendorffAlpha.Metric.INTERVAL), pieces);
        return new Figures(pieces, at.length, rates.exact(), rates.adjacent(),
                CohenKappa.of(table, CohenKappa.Weighting.UNWEIGHTED, pieces),
                CohenKappa.of(table, CohenKappa.Weighting.LINEAR, pieces),
                CohenKappa.of(table, CohenKappa.Weighting.QUADRATIC, pieces),
                alpha.get(0), alpha.get(1), icc.consistency(), icc.absolute());
    }

    private static List<PairFigures> scorerPairs(Ratings r, Pairs pairs) {
        int[] order = pairs.byScorerPair(r.scorers());
        List<PairFigures> list = new ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int end = start;
            int a = pairs.firstScorer[order[start]];
            int b = pairs.secondScorer[order[start]];
            while (end < order.length && pairs.firstScorer[order[end]] == a && pairs.secondScorer[order[end]] == b) end++;
            int[] at = Arrays.copyOfRange(order, start, end);
            Agreement.Rates rates = Agreement.of(pairs, at);
            int pieces = pairs.pieces(at);
            double[][] table = CohenKappa.table(pairs, at, r.minScore(), r.maxScore(), false);
            list.add(new PairFigures(r.scorerId(a), r.scorerId(b), pieces, at.length, rates.exact(), rates.adjacent(),
                    CohenKappa.of(table, CohenKappa.Weighting.UNWEIGHTED, pieces),
                    CohenKappa.of(table, CohenKappa.Weighting.LINEAR, pieces),
                    CohenKappa.of(table, CohenKappa.Weighting.QUADRATIC, pieces)));
            start = end;
        }
        return List.copyOf(list);
    }

    /** Each scorer's agreement with the other scorers of their pieces, alone: no bootstrap, no model (a scorer's own view). */
    public static List<ScorerFigures> scorers(Ratings r) {
        return scorers(r, Pairs.of(r));
    }

    private static List<ScorerFigures> scorers(Ratings r, Pairs pairs) {
        int[][] index = pairs.byScorer(r.scorers());
        List<ScorerFigures> list = new ArrayList<>();
        for (int s = 0; s < r.scorers(); s++) {
            int[] at = Arrays.copyOfRange(index[1], index[0][s], index[0][s + 1]);
            Agreement.Rates rates = Agreement.of(pairs, at);
            list.add(new ScorerFigures(r.scorerId(s), pairs.pieces(at), at.length, rates.exact(), rates.adjacent()));
        }
        return List.copyOf(list);
    }
}
