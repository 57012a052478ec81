package org.calibrate.stats;

/**
 * Cohen's kappa (Cohen 1960) and weighted kappa (Cohen 1968) from a contingency table of two scorers'
 * levels, with the large-sample standard error of Fleiss, Cohen and Everitt (1969) for a 95% interval.
 * Weights are agreement weights on the criterion's scale of k levels: linear 1 - |i-j|/(k-1), quadratic
 * 1 - (i-j)^2/(k-1)^2 (Fleiss and Cohen 1973), unweighted 1 on the diagonal only.
 */
public final class CohenKappa {
    private static final double Z95 = 1.959963984540054;

    public enum Weighting { UNWEIGHTED, LINEAR, QUADRATIC }

    private CohenKappa() {
    }

    /**
     * Kappa of a k x k table of counts (rows: first scorer's level, columns: second's, both in scale order).
     * Undefined when the table is empty or chance agreement is already total (every score on one level).
     */
    public static Estimate of(double[][] counts, Weighting weighting, int pieces) {
        int k = counts.length;
        double n = 0;
        for (double[] row : counts) for (double x : row) n += x;
        if (n == 0) return Estimate.undefined("no piece was scored twice on the same criterion", pieces);
        double[] rows = new double[k];
        double[] cols = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rows[i] += counts[i][j] / n;
                cols[j] += counts[i][j] / n;
            }
        }
        double[][] w = weights(k, weighting);
        double po = 0;
        double pe = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                po += w[i][j] * counts[i][j] / n;
                pe += w[i][j] * rows[i] * cols[j];
            }
        }
        if (1 - pe < 1e-12) {
            return Estimate.undefined("every score is on one level, so chance agreement is already total", pieces);
        }
        double kappa = (po - pe) / (1 - pe);
        double[] wRow = new double[k];
        double[] wCol = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                wRow[i] += cols[j] * w[i][j];
                wCol[j] += rows[i] * w[i][j];
            }
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = w[i][j] - (wRow[i] + wCol[j]) * (1 - kappa);
                sum += counts[i][j] / n * d * d;
            }
        }
        double centre = kappa - pe * (1 - kappa);
        double variance = Math.max(0, sum - centre * centre) / (n * (1 - pe) * (1 - pe));
        double se = Math.sqrt(variance);
        return Estimate.of(kappa, Math.max(-1, kappa - Z95 * se), Math.min(1, kappa + Z95 * se), pieces);
    }

    static double[][] weights(int k, Weighting weighting) {
        double[][] w = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = k == 1 ? 0 : Math.abs(i - j) / (double) (k - 1);
                w[i][j] = switch (weighting) {
                    case UNWEIGHTED -> i == j ? 1 : 0;
                    case LINEAR -> 1 - d;
                    case QUADRATIC -> 1 - d * d;
                };
            }
        }
        return w;
    }

    /**
     * The table of a set of pairs on the scale min..max. With {@code symmetric} each pair is entered in both
     * orders: when the two scorers differ from piece to piece "first scorer" means nothing, and the
     * symmetrised table gives kappa with pooled marginals (Scott 1955; Fleiss 1971 for two scores per
     * piece), which does not change when scorers are relabelled.
     */
    static double[][] table(Pairs pairs, int[] at, int min, int max, boolean symmetric) {
        int k = max - min + 1;
        double[][] t = new double[k][k];
        for (int i : at) {
            int a = pairs.first[i] - min;
            int b = pairs.second[i] - min;
            if (symmetric) {
                t[a][b] += 0.5;
                t[b][a] += 0.5;
            } else {
                t[a][b] += 1;
            }
        }
        return t;
    }
}
