package org.calibrate.stats;

import org.hipparchus.distribution.continuous.FDistribution;

/**
 * Intraclass correlation for single scores, two-way model (targets = units, i.e. pieces on a criterion;
 * raters = scorers): consistency ICC(C,1) = s2_piece / (s2_piece + s2_error) and absolute agreement
 * ICC(A,1) = s2_piece / (s2_piece + s2_scorer + s2_error) in McGraw and Wong's (1996) names, which are
 * Shrout and Fleiss's (1979) ICC(3,1) and ICC(2,1).
 *
 * <p>Variance components come from Henderson's Method I (Searle, Casella and McCulloch 1992, ch. 5):
 * the sums of squares of the two-way ANOVA, uncorrected, equated to their expectations under the random
 * model without interaction. That needs one pass over the scores and a 3 x 3 solve, whatever the design,
 * so it scales to 100k sparsely double-scored pieces; on a complete piece x scorer matrix it reduces exactly
 * to the ANOVA mean-square formulas. Negative components are set to zero, as is usual.
 *
 * <p>Intervals: on a complete matrix the F-based intervals of McGraw and Wong (1996, Table 7); on an
 * incomplete one a percentile bootstrap over units, since no closed form exists.
 */
public final class Icc {

    public record Components(double piece, double scorer, double error) {
    }

    public record Result(Estimate consistency, Estimate absolute, Components components) {
    }

    private Icc() {
    }

    static Result of(Ratings r, int[] units, int pieces) {
        Sums s = Sums.of(r, units);
        if (s.scorers < 2) return undefined("only one scorer scored these pieces", pieces);
        if (s.pairable == 0) return undefined("no piece was scored twice on the same criterion", pieces);
        double[] v = s.components();
        if (v == null) return undefined("the design does not separate piece, scorer and error variance", pieces);
        if (v[0] + v[2] <= 0) return undefined("every score is the same, so there is no variance to share", pieces);
        double consistency = v[0] / (v[0] + v[2]);
        double absolute = v[0] / (v[0] + v[1] + v[2]);
        Estimate c;
        Estimate a;
        if (s.complete()) {
            double[] ci = s.fIntervals(consistency, absolute);
            c = Estimate.of(consistency, ci[0], ci[1], pieces);
            a = Estimate.of(absolute, ci[2], ci[3], pieces);
        } else {
            double[][] ci = Bootstrap.intervals(units, 2, draw -> {
                double[] w = Sums.of(r, draw).components();
                return new double[] {ratio(w, false), ratio(w, true)};
            });
            c = Estimate.of(consistency, ci[0][0], ci[0][1], pieces);
            a = Estimate.of(absolute, ci[1][0], ci[1][1], pieces);
        }
        return new Result(c, a, new Components(v[0], v[1], v[2]));
    }

    private static double ratio(double[] v, boolean absolute) {
        if (v == null) return Double.NaN;
        return v[0] / (v[0] + (absolute ? v[1] : 0) + v[2]);
    }

    private static Result undefined(String reason, int pieces) {
        Estimate e = Estimate.undefined(reason, pieces);
        return new Result(e, e, null);
    }

    /** The uncorrected sums of squares and design constants of Method I. */
    private static final class Sums {
        double n;
        int units;
        int scorers;
        int pairable;
        double total;
        double t0;
        double tUnits;
        double tScorers;
        double k1;
        double k2;
        int minPerUnit = Integer.MAX_VALUE;
        int maxPerUnit;

        static Sums of(Ratings r, int[] unitList) {
            Sums s = new Sums();
            double[] scorerSum = new double[r.scorers()];
            int[] scorerCount = new int[r.scorers()];
            for (int u : unitList) {
                int m = r.unitEnd(u) - r.unitStart(u);
                double sum = 0;
                for (int i = r.unitStart(u); i < r.unitEnd(u); i++) {
                    double y = r.score(i);
                    sum += y;
                    s.t0 += y * y;
                    scorerSum[r.scorer(i)] += y;
                    scorerCount[r.scorer(i)]++;
                }
                s.n += m;
                s.total += sum;
                s.tUnits += sum * sum / m;
                s.k1 += (double) m * m;
                s.units++;
                if (m > 1) s.pairable++;
                s.minPerUnit = Math.min(s.minPerUnit, m);
                s.maxPerUnit = Math.max(s.maxPerUnit, m);
            }
            for (int j = 0; j < scorerSum.length; j++) {
                if (scorerCount[j] == 0) continue;
                s.scorers++;
                s.tScorers += scorerSum[j] * scorerSum[j] / scorerCount[j];
                s.k2 += (double) scorerCount[j] * scorerCount[j];
            }
            s.k1 /= s.n;
            s.k2 /= s.n;
            return s;
        }

        /** (s2_piece, s2_scorer, s2_error), or null when the equations are singular. */
        double[] components() {
            double tMean = total * total / n;
            double[][] a = {
                    {n - k1, n - k2, n - 1},
                    {n - k1, units - k2, units - 1},
                    {scorers - k1, n - k2, scorers - 1}};
            double[] b = {t0 - tMean, tUnits - tMean, tScorers - tMean};
            double det = det(a);
            if (Math.abs(det) < 1e-9 * Math.max(1, n * n * n)) return null;
            double[] v = new double[3];
            for (int col = 0; col < 3; col++) {
                double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
                for (int row = 0; row < 3; row++) m[row][col] = b[row];
                v[col] = Math.max(0, det(m) / det);
            }
            return v;
        }

        private static double det(double[][] m) {
            return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                    - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        }

        /** Every unit scored by every scorer: the complete matrix of Shrout and Fleiss. */
        boolean complete() {
            return minPerUnit == maxPerUnit && maxPerUnit == scorers && units > 1;
        }

        /** McGraw and Wong (1996) Table 7 intervals for ICC(C,1) and ICC(A,1), 95%. */
        double[] fIntervals(double consistency, double absolute) {
            double k = scorers;
            double nn = units;
            double tMean = total * total / n;
            double msr = (tUnits - tMean) / (nn - 1);
            double msc = (tScorers - tMean) / (k - 1);
            double mse = (t0 - tUnits - tScorers + tMean) / ((nn - 1) * (k - 1));
            double dfe = (nn - 1) * (k - 1);
            double f0 = msr / mse;
            double fl = f0 / new FDistribution(nn - 1, dfe).inverseCumulativeProbability(0.975);
            double fu = f0 * new FDistribution(dfe, nn - 1).inverseCumulativeProbability(0.975);
            double cLow = (fl - 1) / (fl + k - 1);
            double cHigh = (fu - 1) / (fu + k - 1);
            double rho = absolute;
            double a = k * rho / (nn * (1 - rho));
            double b = 1 + k * rho * (nn - 1) / (nn * (1 - rho));
            double v = Math.pow(a * msc + b * mse, 2) / (Math.pow(a * msc, 2) / (k - 1) + Math.pow(b * mse, 2) / dfe);
            double fs = new FDistribution(nn - 1, v).inverseCumulativeProbability(0.975);
            double fsRev = new FDistribution(v, nn - 1).inverseCumulativeProbability(0.975);
            double aLow = nn * (msr - fs * mse) / (fs * (k * msc + (k * nn - k - nn) * mse) + nn * msr);
            double aHigh = nn * (fsRev * msr - mse) / (k * msc + (k * nn - k - nn) * mse + nn * fsRev * msr);
            return new double[] {cLow, cHigh, aLow, aHigh};
        }
    }
}
