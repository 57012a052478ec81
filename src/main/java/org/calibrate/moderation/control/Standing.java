package org.calibrate.moderation.control;

import org.calibrate.moderation.entity.Tolerance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a piece stands in the discrepancy view (seeds 000, step 6): agreed within the round's tolerance, or
 * discrepant by so many levels, overall and per criterion; or scored once, or not yet scored. A blank response
 * carries no levels: blanks agree with blanks and disagree with any scored response.
 */
public final class Standing {

    public enum Group { AGREED, DISCREPANT, SINGLE, UNSCORED }

    /** spread: the largest difference between two scorers' levels on the criterion (0 when fewer than two gave one). */
    public record Criterion(String criterion, int spread, boolean agreed) {
    }

    /** spread is {@link Integer#MAX_VALUE} where a blank meets a scored response. */
    public record Of(Group group, boolean exact, int spread, List<Criterion> criteria) {
        public Criterion criterion(String key) {
            return criteria.stream().filter(c -> c.criterion().equals(key)).findFirst().orElseThrow();
        }
    }

    private Standing() {
    }

    public static Of of(List<Map<String, Integer>> scores, Collection<String> criteria, Tolerance tolerance) {
        List<Criterion> per = new ArrayList<>(criteria.size());
        boolean blankMeetsScore = scores.stream().anyMatch(Map::isEmpty) && scores.stream().anyMatch(s -> !s.isEmpty());
        for (String c : criteria) {
            int spread = blankMeetsScore ? Integer.MAX_VALUE : spread(scores, c);
            per.add(new Criterion(c, spread, tolerance.agreed(spread)));
        }
        if (scores.isEmpty()) {
            return new Of(Group.UNSCORED, false, 0, per);
        }
        if (scores.size() == 1) {
            return new Of(Group.SINGLE, false, 0, per);
        }
        int spread = blankMeetsScore ? Integer.MAX_VALUE : per.stream().mapToInt(Criterion::spread).max().orElse(0);
        return new Of(tolerance.agreed(spread) ? Group.AGREED : Group.DISCREPANT, spread == 0, spread, List.copyOf(per));
    }

    private static int spread(List<Map<String, Integer>> scores, String criterion) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (Map<String, Integer> s : scores) {
            Integer level = s.get(criterion);
            if (level != null) {
                min = Math.min(min, level);
                max = Math.max(max, level);
            }
        }
        return min <= max ? max - min : 0;
    }
}
