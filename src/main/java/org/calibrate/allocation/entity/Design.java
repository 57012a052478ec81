package org.calibrate.allocation.entity;

/**
 * How many scorers score each piece, which share of pieces is scored that many times (the rest once,
 * as in a 50 % double-scored sample), and the seed that makes the allocation reproducible.
 */
public record Design(int scorersPerPiece, double multiScoredShare, long seed) {
    public Design {
        if (scorersPerPiece < 1 || scorersPerPiece > 50) {
            throw new IllegalArgumentException("scorers per piece must be between 1 and 50, got " + scorersPerPiece);
        }
        if (!(multiScoredShare >= 0 && multiScoredShare <= 1)) {
            throw new IllegalArgumentException("the multi-scored share must be between 0 and 1, got " + multiScoredShare);
        }
    }

    /** Two blind scorers for every piece: the default design. */
    public static Design doubleScored(long seed) {
        return new Design(2, 1.0, seed);
    }
}
