package org.calibrate.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The many-facet Rasch analysis of a round. When the model could not be estimated (disconnected design,
 * every score extreme, one level only) {@code estimated} is false, {@code reason} says why, the facets are
 * null, {@code fairLevels} is empty and {@code subsets} still shows the design.
 *
 * <p>{@code fairLevels} maps piece id to criterion id to the piece's <em>fair level</em> on that criterion:
 * the level an average-severity scorer would be expected to give, E(x) at B_piece - D_criterion - 0 with the
 * criterion's thresholds (its own under PCM, the shared ones under RSM), plus the lowest level of that
 * threshold set's scale (the criterion's under PCM, the round's under RSM), so it reads on the rubric's
 * levels. Severity 0 is the mean severity of the scorers estimated (not extreme), which are centred on it.
 * Only the criteria the piece was scored on are present; extreme pieces use their extrapolated measure. The
 * value is information: nothing in the statistics applies it to a score.
 */
public record RaschResult(String model, boolean estimated, String reason, List<Connectedness.Subset> subsets,
                          int iterations, double maxChange, boolean converged, boolean biasCorrected,
                          Facet pieces, Facet scorers, Facet criteria, List<Bias> bias,
                          Map<String, Map<String, Double>> fairLevels) {

    static RaschResult notEstimated(String model, String reason, List<Connectedness.Subset> subsets) {
        return new RaschResult(model, false, reason, subsets, 0, 0, false, false, null, null, null, List.of(), Map.of());
    }

    /**
     * A piece's fair levels as the levels an "adjusted for severity" resolution would record: each rounded to
     * the nearest whole level, a tie (x.5) going to the higher level ({@link Math#round(double)}), then
     * clamped to the criterion's range. The range is the caller's to give, normally the rubric's lowest and
     * highest level: under RSM a criterion's fair level lies on the round's shared scale, which can reach
     * beyond the levels that criterion has. Criteria keep their order; every criterion in {@code fairLevels}
     * needs a range (extra ranges are ignored).
     *
     * @throws IllegalArgumentException when a criterion has no range or a fair level is not a finite number
     */
    public static Map<String, Integer> rounded(Map<String, Double> fairLevels, Map<String, LevelRange> ranges) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (Map.Entry<String, Double> fair : fairLevels.entrySet()) {
            LevelRange range = ranges.get(fair.getKey());
            if (range == null) {
                throw new IllegalArgumentException("no level range for criterion " + fair.getKey()
                        + "; give the rubric's lowest and highest level for every criterion the piece was scored on");
            }
            Double value = fair.getValue();
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("the fair level on criterion " + fair.getKey() + " is " + value
                        + ", not a level; take fair levels from an estimated result");
            }
            long nearest = Math.round(value);
            levels.put(fair.getKey(), (int) Math.max(range.lowest(), Math.min(range.highest(), nearest)));
        }
        return Collections.unmodifiableMap(levels);
    }

    /** A criterion's lowest and highest level, both included. */
    public record LevelRange(int lowest, int highest) {
        public LevelRange {
            if (lowest > highest) {
                throw new IllegalArgumentException("lowest level " + lowest + " is above highest level " + highest
                        + "; give the range lowest first");
            }
        }
    }

    /** One facet's elements and its separation statistics. */
    public record Facet(List<Element> elements, Summary summary) {
    }

    /**
     * One piece, scorer or criterion. Measure in logits: for pieces higher = more able work, for scorers
     * higher = more severe, for criteria higher = harder. Infit/outfit are null for extreme elements, whose
     * measure is extrapolated rather than fitted. fairAverage (pieces) is the score an average-severity
     * scorer would be expected to give, averaged over every criterion of the round, including any the piece
     * was not scored on; for a piece scored on every criterion it is the mean of its
     * {@link RaschResult#fairLevels() fair levels}. thresholds (criteria) are the Rasch-Andrich
     * thresholds F_1..F_m between adjacent levels, from the criterion's lowest level up.
     */
    public record Element(String id, double measure, double se, Double infit, Double outfit, int ratings,
                          boolean extreme, Double fairAverage, List<Double> thresholds) {
    }

    /**
     * Wright and Masters (1982) separation statistics over the non-extreme elements: observed SD of the
     * measures, RMSE of their standard errors, "true" SD, separation G = trueSD / RMSE, strata (4G + 1) / 3,
     * reliability G^2 / (1 + G^2), and the fixed (all equal) chi-square with its p-value.
     */
    public record Summary(int elements, double mean, double sd, double rmse, double trueSd, double separation,
                          double strata, double reliability, Double chiSquare, Integer df, Double p) {
    }

    /**
     * Scorer x criterion interaction: how much more lenient (positive) or severe (negative), in logits, the
     * scorer was on this criterion than their overall severity predicts, with its SE and t = bias / SE.
     * Flagged when |t| >= 2 on at least {@link ManyFacetRasch#BIAS_MIN_RATINGS} ratings.
     */
    public record Bias(String scorer, String criterion, int ratings, double observedMinusExpected, double bias,
                       double se, double t, boolean flagged) {
    }
}
