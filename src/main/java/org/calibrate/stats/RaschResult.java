package org.calibrate.stats;

import java.util.List;

/**
 * The many-facet Rasch analysis of a round. When the model could not be estimated (disconnected design,
 * every score extreme, one level only) {@code estimated} is false, {@code reason} says why, the facets are
 * null and {@code subsets} still shows the design.
 */
public record RaschResult(String model, boolean estimated, String reason, List<Connectedness.Subset> subsets,
                          int iterations, double maxChange, boolean converged, boolean biasCorrected,
                          Facet pieces, Facet scorers, Facet criteria, List<Bias> bias) {

    static RaschResult notEstimated(String model, String reason, List<Connectedness.Subset> subsets) {
        return new RaschResult(model, false, reason, subsets, 0, 0, false, false, null, null, null, List.of());
    }

    /** One facet's elements and its separation statistics. */
    public record Facet(List<Element> elements, Summary summary) {
    }

    /**
     * One piece, scorer or criterion. Measure in logits: for pieces higher = more able work, for scorers
     * higher = more severe, for criteria higher = harder. Infit/outfit are null for extreme elements, whose
     * measure is extrapolated rather than fitted. fairAverage (pieces) is the score an average-severity
     * scorer would be expected to give, averaged over criteria; thresholds (criteria) are the Rasch-Andrich
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
