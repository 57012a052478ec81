package org.calibrate.stats;

import org.hipparchus.distribution.continuous.TDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-scorer screens for the scorer biases a moderator can act on: halo, central tendency (restricted
 * range), drift within the round and accuracy on anchor (calibration/exemplar) pieces. They follow the
 * scorer-bias list of the collaborative scoring protocol (seed 000: "'Halo' effect — strong or poor
 * performance in one criterion influencing the scoring of another"), the drift and benchmark-paper lessons
 * of the Chicago Annenberg manual (seed 003, "Lessons learned") and the rater effects of Myford and Wolfe
 * (2003, 2004) and Engelhard (1994). Each screen gives its figures with the number of scores behind them and
 * a plain {@code flagged}; a screen that cannot be computed has undefined estimates with a reason, never NaN.
 * A flag is a reason to look at the scorer's work, not a verdict.
 */
public final class ScorerSignals {
    static final int HALO_MIN_PIECES = 10;
    static final double HALO_MIN_CORRELATION = 0.8;
    static final double HALO_MIN_EXCESS = 0.15;
    static final int SPREAD_MIN_SCORES = 20;
    static final double SPREAD_MAX_RATIO = 0.7;
    static final int DRIFT_MIN_PER_THIRD = 5;
    static final double DRIFT_MIN_CHANGE = 0.5;
    static final double DRIFT_MAX_P = 0.05;
    static final int ACCURACY_MIN_SCORES = 10;
    static final double ACCURACY_MIN_EXACT = 0.5;
    static final double ACCURACY_MAX_DIFFERENCE = 0.5;
    private static final double Z95 = 1.959963984540054;

    /** Known (agreed) levels of anchor pieces: piece id, then criterion id, then level. */
    public static final Map<String, Map<String, Integer>> NO_ANCHORS = Map.of();

    public record Signals(RoundBaseline round, List<Scorer> scorers) {
    }

    /**
     * What each scorer is compared with: the round's mean inter-criterion correlation, share of levels at
     * the scale's extremes and within-criterion SD; anchors = anchor levels given, anchorsInRound = those
     * whose piece and criterion occur in the round.
     */
    public record RoundBaseline(Estimate halo, Estimate extremeShare, Estimate sd, int anchors, int anchorsInRound) {
    }

    public record Scorer(String scorer, int scores, int pieces, Halo halo, CentralTendency centralTendency,
                         Drift drift, Accuracy accuracy) {
    }

    /**
     * correlation: mean Pearson correlation between the scorer's levels on each pair of criteria, over the
     * pieces they scored on both; excess = correlation minus the round's; pieces = pieces scored on two or
     * more criteria.
     */
    public record Halo(int pieces, Estimate correlation, Double excess, boolean flagged) {
    }

    /**
     * extremeShare: share of the scorer's levels at the lowest or highest level of the criterion; sd: SD of
     * their levels around their own criterion means; sdRatio: sd / the round's sd.
     */
    public record CentralTendency(int scores, Estimate extremeShare, Estimate sd, Estimate sdRatio, boolean flagged) {
    }

    /**
     * Residual = the scorer's level minus the mean level the other scorers gave the same piece on the same
     * criterion; early and late = the first and last third of those scores by order; change = late - early
     * (positive: more lenient as the round went on), with Welch's t and its two-sided p.
     */
    public record Drift(int scores, Estimate early, Estimate late, Estimate change, Double t, Double p,
                        boolean flagged) {
    }

    /**
     * Agreement with the anchor levels on the anchor pieces the scorer scored: exact, adjacent, and the mean
     * signed difference (scorer minus anchor: positive = lenient, negative = severe on anchors).
     */
    public record Accuracy(int scores, Estimate exact, Estimate adjacent, Estimate meanDifference, boolean flagged) {
    }

    private ScorerSignals() {
    }

    public static Signals of(Ratings r, Map<String, Map<String, Integer>> anchors) {
        int[][] byScorer = byScorer(r);
        double[] residual = residuals(r);
        int[][] anchorLevels = new int[r.pieces()][];
        int[] anchorCount = anchorLevels(r, anchors == null ? NO_ANCHORS : anchors, anchorLevels);
        Correlations roundHalo = new Correlations(r.criteria());
        Spread roundSpread = new Spread(r.criteria());
        boolean[] roundHaloPieces = new boolean[r.pieces()];
        List<Scorer> scorers = new ArrayList<>();
        for (int s = 0; s < r.scorers(); s++) {
            int[] at = Arrays.copyOfRange(byScorer[1], byScorer[0][s], byScorer[0][s + 1]);
            Correlations halo = new Correlations(r.criteria());
            int haloPieces = halo.addPieces(r, at, roundHalo, roundHaloPieces);
            Spread spread = new Spread(r.criteria());
            for (int i : at) {
                spread.add(r, i);
                roundSpread.add(r, i);
            }
            int pieces = distinctPieces(r, at);
            scorers.add(new Scorer(r.scorerId(s), at.length, pieces,
                    new Halo(haloPieces, halo.mean(haloPieces), null, false),
                    new CentralTendency(at.length, spread.extremeShare(pieces), spread.sd(pieces), null, false),
                    drift(r, at, residual), accuracy(r, at, anchorLevels, anchors)));
        }
        int roundPieces = 0;
        for (boolean b : roundHaloPieces) if (b) roundPieces++;
        RoundBaseline round = new RoundBaseline(roundHalo.mean(roundPieces), roundSpread.extremeShare(r.pieces()),
                roundSpread.sd(r.pieces()), anchorCount[0], anchorCount[1]);
        List<Scorer> compared = new ArrayList<>(scorers.size());
        for (Scorer s : scorers) compared.add(compare(s, round));
        return new Signals(round, List.copyOf(compared));
    }

    /** Applies the rules that compare a scorer with the round. */
    private static Scorer compare(Scorer s, RoundBaseline round) {
        Halo h = s.halo();
        Double excess = h.correlation().defined() && round.halo().defined()
                ? h.correlation().value() - round.halo().value() : null;
        // Halo: criterion levels that move together clearly more than the round's (Myford and Wolfe 2004,
        // halo; seed 000 bias list). r >= 0.8 and 0.15 above the round's, on at least 10 pieces: the
        // sampling SD of a correlation near 0.8 on 10 pieces is about 0.1, and averaging criterion pairs
        // narrows it.
        boolean haloFlag = excess != null && h.pieces() >= HALO_MIN_PIECES
                && h.correlation().value() >= HALO_MIN_CORRELATION && excess >= HALO_MIN_EXCESS;
        CentralTendency c = s.centralTendency();
        Estimate ratio = !c.sd().defined() ? c.sd()
                : !round.sd().defined() ? Estimate.undefined(round.sd().reason(), c.sd().pieces())
                : round.sd().value() == 0 ? Estimate.undefined("every level in the round is the same", c.sd().pieces())
                : Estimate.of(c.sd().value() / round.sd().value(), c.sd().pieces());
        // Central tendency / restricted range (Myford and Wolfe 2004; Engelhard 1994): the scorer's levels
        // spread less than 0.7 of the round's SD, on at least 20 scores (the SD of 20 scores is known to about
        // +-16%, so 0.7 is about two standard errors below 1).
        boolean spreadFlag = ratio.defined() && c.scores() >= SPREAD_MIN_SCORES && ratio.value() < SPREAD_MAX_RATIO;
        return new Scorer(s.scorer(), s.scores(), s.pieces(), new Halo(h.pieces(), h.correlation(), excess, haloFlag),
                new CentralTendency(c.scores(), c.extremeShare(), c.sd(), ratio, spreadFlag), s.drift(), s.accuracy());
    }

    /** Rating positions grouped by scorer (counting sort, stable, so each scorer's are in piece order). */
    private static int[][] byScorer(Ratings r) {
        int[] start = new int[r.scorers() + 1];
        for (int i = 0; i < r.size(); i++) start[r.scorer(i) + 1]++;
        for (int s = 0; s < r.scorers(); s++) start[s + 1] += start[s];
        int[] next = Arrays.copyOf(start, r.scorers());
        int[] positions = new int[r.size()];
        for (int i = 0; i < r.size(); i++) positions[next[r.scorer(i)]++] = i;
        return new int[][] {start, positions};
    }

    /** Level minus the mean of the other scorers' levels on the same unit; NaN where nobody else scored it. */
    private static double[] residuals(Ratings r) {
        double[] residual = new double[r.size()];
        for (int u = 0; u < r.units(); u++) {
            int m = r.unitEnd(u) - r.unitStart(u);
            long sum = 0;
            for (int i = r.unitStart(u); i < r.unitEnd(u); i++) sum += r.score(i);
            for (int i = r.unitStart(u); i < r.unitEnd(u); i++) {
                residual[i] = m < 2 ? Double.NaN : r.score(i) - (double) (sum - r.score(i)) / (m - 1);
            }
        }
        return residual;
    }

    private static int distinctPieces(Ratings r, int[] at) {
        int[] pieces = new int[at.length];
        for (int k = 0; k < at.length; k++) pieces[k] = r.piece(at[k]);
        Arrays.sort(pieces);
        int count = 0;
        for (int k = 0; k < pieces.length; k++) if (k == 0 || pieces[k] != pieces[k - 1]) count++;
        return count;
    }

    /** Fills levels[piece][criterion] (Integer.MIN_VALUE = none); returns {anchors given, anchors in the round}. */
    private static int[] anchorLevels(Ratings r, Map<String, Map<String, Integer>> anchors, int[][] levels) {
        Map<String, Integer> criterion = new HashMap<>();
        for (int c = 0; c < r.criteria(); c++) criterion.put(r.criterionId(c), c);
        int given = 0;
        for (Map<String, Integer> m : anchors.values()) given += m.size();
        int inRound = 0;
        for (int p = 0; p < r.pieces() && !anchors.isEmpty(); p++) {
            Map<String, Integer> known = anchors.get(r.pieceId(p));
            if (known == null) continue;
            for (Map.Entry<String, Integer> e : known.entrySet()) {
                Integer c = criterion.get(e.getKey());
                if (c == null || e.getValue() == null) continue;
                if (levels[p] == null) {
                    levels[p] = new int[r.criteria()];
                    Arrays.fill(levels[p], Integer.MIN_VALUE);
                }
                levels[p][c] = e.getValue();
                inRound++;
            }
        }
        return new int[] {given, inRound};
    }

    private static Drift drift(Ratings r, int[] at, double[] residual) {
        int count = 0;
        for (int i : at) if (!Double.isNaN(residual[i])) count++;
        if (!r.hasOrder()) {
            Estimate none = Estimate.undefined("the scores carry no order (sequence number or time); drift needs one", 0);
            return new Drift(count, none, none, none, null, null, false);
        }
        int third = count / 3;
        if (third < DRIFT_MIN_PER_THIRD) {
            Estimate few = Estimate.undefined("drift needs at least " + 3 * DRIFT_MIN_PER_THIRD
                    + " scores on pieces another scorer also scored; this scorer has " + count, 0);
            return new Drift(count, few, few, few, null, null, false);
        }
        int[] positions = new int[count];
        int k = 0;
        for (int i : at) if (!Double.isNaN(residual[i])) positions[k++] = i;
        // Ties in order keep piece order, so the split is deterministic.
        Integer[] sorted = new Integer[count];
        for (int j = 0; j < count; j++) sorted[j] = j;
        Arrays.sort(sorted, (a, b) -> a.equals(b) ? 0 : r.order(positions[a]) != r.order(positions[b])
                ? Long.compare(r.order(positions[a]), r.order(positions[b])) : Integer.compare(a, b));
        int[] early = new int[third];
        int[] late = new int[third];
        for (int j = 0; j < third; j++) {
            early[j] = positions[sorted[j]];
            late[j] = positions[sorted[count - third + j]];
        }
        Moments e = Moments.of(residual, early);
        Moments l = Moments.of(residual, late);
        double change = l.mean - e.mean;
        double se = Math.sqrt(e.variance / third + l.variance / third);
        Double t = null;
        double p;
        Estimate changeEstimate;
        if (se > 0) {
            // Welch-Satterthwaite degrees of freedom.
            double a = e.variance / third;
            double b = l.variance / third;
            double df = (a + b) * (a + b) / (a * a / (third - 1) + b * b / (third - 1));
            TDistribution dist = new TDistribution(df);
            t = change / se;
            p = 2 * (1 - dist.cumulativeProbability(Math.abs(t)));
            double q = dist.inverseCumulativeProbability(0.975);
            changeEstimate = Estimate.of(change, change - q * se, change + q * se, distinctPieces(r, concat(early, late)));
        } else {
            p = change == 0 ? 1 : 0;
            changeEstimate = Estimate.of(change, change, change, distinctPieces(r, concat(early, late)));
        }
        // Drift within the round (seed 003, "Lessons learned": scorers "drift apart and develop their own
        // definition of the standards"; Myford and Wolfe 2003, differential rater functioning over time): the
        // last third of the scorer's scores sits at least half a level away from the first third, relative
        // to the other scorers of the same pieces, and Welch's t makes it unlikely to be chance (p < 0.05).
        boolean flagged = Math.abs(change) >= DRIFT_MIN_CHANGE && p < DRIFT_MAX_P;
        return new Drift(count, e.estimate(distinctPieces(r, early)), l.estimate(distinctPieces(r, late)),
                changeEstimate, t, p, flagged);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static Accuracy accuracy(Ratings r, int[] at, int[][] anchorLevels, Map<String, Map<String, Integer>> anchors) {
        if (anchors == null || anchors.isEmpty()) {
            Estimate none = Estimate.undefined("no anchor pieces with known levels were given", 0);
            return new Accuracy(0, none, none, none, false);
        }
        int n = 0;
        int exact = 0;
        int adjacent = 0;
        double[] difference = new double[at.length];
        int[] scored = new int[at.length];
        for (int i : at) {
            int[] known = anchorLevels[r.piece(i)];
            if (known == null || known[r.criterion(i)] == Integer.MIN_VALUE) continue;
            int d = r.score(i) - known[r.criterion(i)];
            if (d == 0) exact++;
            if (Math.abs(d) <= 1) adjacent++;
            difference[n] = d;
            scored[n++] = i;
        }
        if (n == 0) {
            Estimate none = Estimate.undefined("the scorer scored none of the anchor pieces", 0);
            return new Accuracy(0, none, none, none, false);
        }
        int pieces = distinctPieces(r, Arrays.copyOf(scored, n));
        int[] all = new int[n];
        for (int k = 0; k < n; k++) all[k] = k;
        Moments m = Moments.of(difference, all);
        Estimate mean = m.estimate(pieces);
        // Accuracy on anchors (seed 003: benchmark papers define the levels, and the Year 2 scorers drifted
        // above the experts' re-scores; Engelhard 1994 on accuracy against expert ratings): on at least 10
        // anchor scores, fewer than half at the anchor level, or a mean difference of half a level or more
        // either way (a severity or leniency the Rasch measure would also show).
        boolean flagged = n >= ACCURACY_MIN_SCORES
                && ((double) exact / n < ACCURACY_MIN_EXACT || Math.abs(m.mean) >= ACCURACY_MAX_DIFFERENCE);
        return new Accuracy(n, Agreement.wilson(exact, n, pieces), Agreement.wilson(adjacent, n, pieces), mean, flagged);
    }

    /** Mean and sample variance of values[at]; the estimate carries a t interval when there are two or more. */
    private record Moments(int n, double mean, double variance) {
        static Moments of(double[] values, int[] at) {
            double sum = 0;
            for (int i : at) sum += values[i];
            double mean = sum / at.length;
            double squares = 0;
            for (int i : at) squares += (values[i] - mean) * (values[i] - mean);
            return new Moments(at.length, mean, at.length > 1 ? squares / (at.length - 1) : 0);
        }

        Estimate estimate(int pieces) {
            if (n < 2) return Estimate.of(mean, pieces);
            double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(variance / n);
            return Estimate.of(mean, mean - half, mean + half, pieces);
        }
    }

    /** Within-criterion spread and extreme levels of a set of scores. */
    private static final class Spread {
        private final long[] count;
        private final double[] sum;
        private final double[] squares;
        private int extremes;
        private int n;

        Spread(int criteria) {
            count = new long[criteria];
            sum = new double[criteria];
            squares = new double[criteria];
        }

        void add(Ratings r, int i) {
            int c = r.criterion(i);
            int v = r.score(i);
            count[c]++;
            sum[c] += v;
            squares[c] += (double) v * v;
            if (v == r.minScore(c) || v == r.maxScore(c)) extremes++;
            n++;
        }

        Estimate extremeShare(int pieces) {
            if (n == 0) return Estimate.undefined("no scores", 0);
            return Estimate.of((double) extremes / n, pieces);
        }

        /** Pooled SD around each criterion's own mean, so that criteria of different difficulty add no spread. */
        Estimate sd(int pieces) {
            double within = 0;
            long df = 0;
            for (int c = 0; c < count.length; c++) {
                if (count[c] == 0) continue;
                within += Math.max(0, squares[c] - sum[c] * sum[c] / count[c]);
                df += count[c] - 1;
            }
            if (df == 0) return Estimate.undefined("needs two scores on the same criterion", pieces);
            return Estimate.of(Math.sqrt(within / df), pieces);
        }
    }

    /** Pearson correlations between every pair of criteria, accumulated over score sheets (a piece's levels). */
    private static final class Correlations {
        private final int criteria;
        private final double[][] sums;

        Correlations(int criteria) {
            this.criteria = criteria;
            sums = new double[criteria * criteria][6];
        }

        /** Adds the scorer's sheets (positions in piece order) here and to the round; returns the pieces added. */
        int addPieces(Ratings r, int[] at, Correlations round, boolean[] roundPieces) {
            int[] level = new int[criteria];
            boolean[] present = new boolean[criteria];
            int pieces = 0;
            int k = 0;
            while (k < at.length) {
                int piece = r.piece(at[k]);
                Arrays.fill(present, false);
                int used = 0;
                while (k < at.length && r.piece(at[k]) == piece) {
                    level[r.criterion(at[k])] = r.score(at[k]);
                    present[r.criterion(at[k])] = true;
                    used++;
                    k++;
                }
                if (used < 2) continue;
                add(level, present);
                round.add(level, present);
                roundPieces[piece] = true;
                pieces++;
            }
            return pieces;
        }

        private void add(int[] level, boolean[] present) {
            for (int a = 0; a < criteria; a++) {
                if (!present[a]) continue;
                for (int b = a + 1; b < criteria; b++) {
                    if (!present[b]) continue;
                    double[] s = sums[a * criteria + b];
                    s[0]++;
                    s[1] += level[a];
                    s[2] += level[b];
                    s[3] += (double) level[a] * level[a];
                    s[4] += (double) level[b] * level[b];
                    s[5] += (double) level[a] * level[b];
                }
            }
        }

        /** Mean of the defined pairwise correlations (plain mean: they are of similar size and n). */
        Estimate mean(int pieces) {
            if (criteria < 2) return Estimate.undefined("the rubric has one criterion; halo needs two or more", pieces);
            double total = 0;
            int defined = 0;
            for (int a = 0; a < criteria; a++) {
                for (int b = a + 1; b < criteria; b++) {
                    double[] s = sums[a * criteria + b];
                    if (s[0] < 3) continue;
                    double va = s[3] - s[1] * s[1] / s[0];
                    double vb = s[4] - s[2] * s[2] / s[0];
                    if (va <= 1e-9 || vb <= 1e-9) continue;
                    total += (s[5] - s[1] * s[2] / s[0]) / Math.sqrt(va * vb);
                    defined++;
                }
            }
            if (defined == 0) {
                return Estimate.undefined("no two criteria both varied over three or more pieces scored on both", pieces);
            }
            return Estimate.of(total / defined, pieces);
        }
    }
}
