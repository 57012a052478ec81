package org.calibrate.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Percentile bootstrap over units (a piece on a criterion), for figures with no closed-form interval in
 * sparse designs. The seed is fixed so the same data always give the same interval; the replicate count is
 * modest because every replicate is a full linear pass, and the interval is a guide, not a test.
 */
final class Bootstrap {
    static final int REPLICATES = 200;
    static final long SEED = 20_240_917L;

    private Bootstrap() {
    }

    /**
     * 2.5% and 97.5% percentiles of each of several statistics computed on the same resampled unit lists
     * (sharing the replicates halves the cost when two figures come from one pass); NaN replicates are
     * dropped, and with fewer than half left the interval is {NaN, NaN}.
     */
    static double[][] intervals(int[] units, int statistics, Function<int[], double[]> statistic) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] values = new double[statistics][REPLICATES];
        int[] kept = new int[statistics];
        int[] draw = new int[units.length];
        for (int b = 0; b < REPLICATES; b++) {
            for (int i = 0; i < draw.length; i++) draw[i] = units[random.nextInt(units.length)];
            double[] v = statistic.apply(draw);
            for (int s = 0; s < statistics; s++) if (Double.isFinite(v[s])) values[s][kept[s]++] = v[s];
        }
        double[][] intervals = new double[statistics][];
        for (int s = 0; s < statistics; s++) {
            if (kept[s] < REPLICATES / 2) {
                intervals[s] = new double[] {Double.NaN, Double.NaN};
                continue;
            }
            Arrays.sort(values[s], 0, kept[s]);
            intervals[s] = new double[] {values[s][(int) Math.floor(0.025 * (kept[s] - 1))],
                    values[s][(int) Math.ceil(0.975 * (kept[s] - 1))]};
        }
        return intervals;
    }
}
