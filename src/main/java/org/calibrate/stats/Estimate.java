package org.calibrate.stats;

/**
 * One figure with its confidence interval and the number of pieces behind it. A figure that is not
 * defined for the data (kappa when every score is the same, ICC with one scorer…) has a null value and a
 * reason saying why, so a reader of the JSON never meets NaN or a silent zero. Bounds are null where no
 * interval is standard (exact agreement is a plain proportion, reported with a Wilson interval).
 */
public record Estimate(Double value, Double lower, Double upper, int pieces, String reason) {

    public static Estimate of(double value, double lower, double upper, int pieces) {
        if (!Double.isFinite(value)) return undefined("not defined for these scores", pieces);
        boolean interval = Double.isFinite(lower) && Double.isFinite(upper);
        return new Estimate(value, interval ? lower : null, interval ? upper : null, pieces, null);
    }

    public static Estimate of(double value, int pieces) {
        return of(value, Double.NaN, Double.NaN, pieces);
    }

    public static Estimate undefined(String reason, int pieces) {
        return new Estimate(null, null, null, pieces, reason);
    }

    public boolean defined() {
        return value != null;
    }

    /** Same value, another interval (e.g. a bootstrap one computed afterwards). */
    public Estimate withInterval(double lower, double upper) {
        return defined() ? of(value, lower, upper, pieces) : this;
    }
}
