package org.calibrate.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability") from the
 * coincidence matrix of levels within units; any number of scorers per unit, missing scores allowed (a unit
 * with one score is not pairable and drops out). alpha = 1 - (n - 1) sum o_ck d_ck / sum n_c n_k d_ck.
 */
public final class KrippendorffAlpha {

    public enum Metric { NOMINAL, ORDINAL, INTERVAL }

    private KrippendorffAlpha() {
    }

    /**
     * Alpha over the given units on the levels min..max for each metric, with bootstrap intervals over units
     * that share their replicates (one coincidence matrix per replicate serves every metric).
     */
    static List<Estimate> of(Ratings r, int[] units, int min, int max, List<Metric> metrics, int pieces) {
        double[][] o = coincidences(r, units, min, max);
        List<Estimate> estimates = new ArrayList<>();
        double[][] ci = Bootstrap.intervals(units, metrics.size(), draw -> {
            double[][] resampled = coincidences(r, draw, min, max);
            return metrics.stream().mapToDouble(m -> alpha(resampled, m)).toArray();
        });
        for (int i = 0; i < metrics.size(); i++) {
            double alpha = alpha(o, metrics.get(i));
            estimates.add(Double.isNaN(alpha)
                    ? Estimate.undefined(pairable(r, units) == 0 ? "no piece was scored twice on the same criterion"
                    : "every score is on one level, so there is no disagreement to compare against", pieces)
                    : Estimate.of(alpha, ci[i][0], ci[i][1], pieces));
        }
        return List.copyOf(estimates);
    }

    private static int pairable(Ratings r, int[] units) {
        int n = 0;
        for (int u : units) if (r.unitEnd(u) - r.unitStart(u) > 1) n++;
        return n;
    }

    /** NaN when nothing is pairable or only one level occurs. */
    static double alpha(Ratings r, int[] units, int min, int max, Metric metric) {
        return alpha(coincidences(r, units, min, max), metric);
    }

    /** The coincidence matrix o_ck: each ordered pair of scores in a unit of m scores counts 1 / (m - 1). */
    private static double[][] coincidences(Ratings r, int[] units, int min, int max) {
        int k = max - min + 1;
        double[][] o = new double[k][k];
        int[] inUnit = new int[k];
        for (int u : units) {
            int m = r.unitEnd(u) - r.unitStart(u);
            if (m < 2) continue;
            if (m == 2) {
                // Double scoring, the common case, without the per-unit tally.
                int a = r.score(r.unitStart(u)) - min;
                int b = r.score(r.unitStart(u) + 1) - min;
                o[a][b] += 1;
                o[b][a] += 1;
                continue;
            }
            for (int i = r.unitStart(u); i < r.unitEnd(u); i++) inUnit[r.score(i) - min]++;
            for (int c = 0; c < k; c++) {
                if (inUnit[c] == 0) continue;
                for (int d = 0; d < k; d++) {
                    o[c][d] += (c == d ? inUnit[c] * (inUnit[c] - 1.0) : (double) inUnit[c] * inUnit[d]) / (m - 1);
                }
            }
            for (int i = r.unitStart(u); i < r.unitEnd(u); i++) inUnit[r.score(i) - min] = 0;
        }
        return o;
    }

    private static double alpha(double[][] o, Metric metric) {
        int k = o.length;
        double[] nc = new double[k];
        double n = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) nc[c] += o[c][d];
            n += nc[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                double delta = delta(c, d, nc, metric);
                observed += o[c][d] * delta;
                expected += nc[c] * nc[d] * delta;
            }
        }
        if (n < 2 || expected == 0) return Double.NaN;
        return 1 - (n - 1) * observed / expected;
    }

    /** Squared difference function delta^2 of Krippendorff (2011), section "Difference functions". */
    private static double delta(int c, int d, double[] nc, Metric metric) {
        if (c == d) return 0;
        return switch (metric) {
            case NOMINAL -> 1;
            case INTERVAL -> (double) (c - d) * (c - d);
            case ORDINAL -> {
                int lo = Math.min(c, d);
                int hi = Math.max(c, d);
                double s = 0;
                for (int g = lo; g <= hi; g++) s += nc[g];
                s -= (nc[c] + nc[d]) / 2;
                yield s * s;
            }
        };
    }
}
