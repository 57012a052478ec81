package org.calibrate.stats;

/**
 * Exact (same level) and adjacent (levels at most one apart, exact included) agreement: the share of
 * pairs of scores on the same piece and criterion that agree, with a Wilson score interval (Wilson 1927),
 * which stays inside [0, 1] and behaves for proportions near 0 or 1 where the Wald interval does not.
 */
public final class Agreement {
    private static final double Z95 = 1.959963984540054;

    private Agreement() {
    }

    public record Rates(Estimate exact, Estimate adjacent) {
    }

    static Rates of(Pairs pairs, int[] at) {
        int pieces = pairs.pieces(at);
        if (at.length == 0) {
            Estimate none = Estimate.undefined("no piece was scored twice on the same criterion", 0);
            return new Rates(none, none);
        }
        int exact = 0;
        int adjacent = 0;
        for (int i : at) {
            int d = Math.abs(pairs.first[i] - pairs.second[i]);
            if (d == 0) exact++;
            if (d <= 1) adjacent++;
        }
        return new Rates(wilson(exact, at.length, pieces), wilson(adjacent, at.length, pieces));
    }

    static Estimate wilson(int agreeing, int n, int pieces) {
        double p = (double) agreeing / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return Estimate.of(p, Math.max(0, centre - half), Math.min(1, centre + half), pieces);
    }
}
