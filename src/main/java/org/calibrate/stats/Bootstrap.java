package org.calibrate.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

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

    /** 2.5% and 97.5% percentiles of the statistic over resampled unit lists; NaN replicates are dropped. */
    static double[] interval(int[] units, ToDoubleFunction<int[]> statistic) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] values = new double[REPLICATES];
        int kept = 0;
        int[] draw = new int[units.length];
        for (int b = 0; b < REPLICATES; b++) {
            for (int i = 0; i < draw.length; i++) draw[i] = units[random.nextInt(units.length)];
            double v = statistic.applyAsDouble(draw);
            if (Double.isFinite(v)) values[kept++] = v;
        }
        if (kept < REPLICATES / 2) return new double[] {Double.NaN, Double.NaN};
        Arrays.sort(values, 0, kept);
        return new double[] {values[(int) Math.floor(0.025 * (kept - 1))], values[(int) Math.ceil(0.975 * (kept - 1))]};
    }
}
