package org.calibrate.moderation.control;

import org.calibrate.moderation.entity.Tolerance;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How the scores of one piece agree, as the seeds chart them: every scorer gave the same level on every
 * criterion (agreed), no two differ by more than one level on any criterion (adjacent), or some differ by
 * more (discrepant); a piece with one score has nothing to agree with (single). Blank responses carry no
 * levels: two blanks agree, a blank and a scored response are discrepant.
 */
public final class PieceAgreement {

    public enum Status { AGREED, ADJACENT, DISCREPANT, SINGLE }

    /** status, and the largest difference between two scorers on any criterion (0 for single pieces). */
    public record Outcome(Status status, int spread) {
    }

    private PieceAgreement() {
    }

    public static Outcome of(List<Map<String, Integer>> scores, Collection<String> criteria) {
        Standing.Of standing = Standing.of(scores, criteria, Tolerance.EXACT);
        if (standing.group() == Standing.Group.SINGLE || standing.group() == Standing.Group.UNSCORED) {
            return new Outcome(Status.SINGLE, 0);
        }
        int spread = standing.spread();
        Status status = spread == 0 ? Status.AGREED : spread == 1 ? Status.ADJACENT : Status.DISCREPANT;
        return new Outcome(status, spread);
    }
}
