package org.calibrate.moderation.control;

import org.calibrate.moderation.entity.AdjacentRule;
import org.calibrate.moderation.entity.DiscrepantRule;
import org.calibrate.moderation.entity.ResolutionMethod;
import org.calibrate.moderation.entity.Tolerance;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The final score a piece gets without a moderator's decision, from its scores and the round's rules: the
 * agreed levels, the only score, the adjacent rule's levels, or the third scorer's. Empty when the piece waits
 * for a moderator (discrepant, or adjacent under "moderator decides") or has no score yet.
 */
public final class FinalScores {

    /** levels empty with condition "blank" for a blank response. */
    public record Final(ResolutionMethod method, Map<String, Integer> levels, Optional<String> conditionCode) {
        public Final {
            levels = Map.copyOf(new TreeMap<>(levels));
        }

        public int total() {
            return levels.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static final String BLANK = "blank";

    private FinalScores() {
    }

    /**
     * @param scores       the scorers' levels (an empty map for a blank response), the third scorer's excluded
     * @param adjudication the third scorer's submitted levels, if a third scorer has scored
     * @param fair         the piece's levels adjusted for severity (rounded fair levels), where the model gave them
     */
    public static Optional<Final> automatic(List<Map<String, Integer>> scores, Collection<String> criteria, Tolerance tolerance,
                                            AdjacentRule rule, DiscrepantRule discrepantRule, Optional<Map<String, Integer>> adjudication,
                                            Optional<Map<String, Integer>> fair) {
        if (adjudication.isPresent()) {
            return Optional.of(of(ResolutionMethod.ADJUDICATION, adjudication.get()));
        }
        Standing.Of standing = Standing.of(scores, criteria, tolerance);
        // A blank beside a scored response has no level to adjust: it stays with the moderator.
        boolean blanks = scores.stream().anyMatch(Map::isEmpty);
        return switch (standing.group()) {
            case UNSCORED -> Optional.empty();
            case DISCREPANT -> discrepantRule == DiscrepantRule.FAIR && !blanks ? fair.map(f -> new Final(ResolutionMethod.FAIR, f, Optional.empty()))
                    : Optional.empty();
            case SINGLE -> Optional.of(of(ResolutionMethod.SINGLE, scores.get(0)));
            case AGREED -> standing.exact() ? Optional.of(of(ResolutionMethod.AGREED, scores.get(0)))
                    : byRule(scores, criteria, rule, fair);
        };
    }

    private static Optional<Final> byRule(List<Map<String, Integer>> scores, Collection<String> criteria, AdjacentRule rule,
                                          Optional<Map<String, Integer>> fair) {
        if (rule == AdjacentRule.MODERATOR) {
            return Optional.empty();
        }
        if (rule == AdjacentRule.FAIR) {
            return fair.map(f -> new Final(ResolutionMethod.FAIR, f, Optional.empty()));
        }
        Map<String, Integer> levels = new TreeMap<>();
        for (String c : criteria) {
            var values = scores.stream().map(s -> s.get(c)).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
            if (values.length == 0) {
                continue;
            }
            int level = switch (rule) {
                case HIGHER -> java.util.Arrays.stream(values).max().orElseThrow();
                case LOWER -> java.util.Arrays.stream(values).min().orElseThrow();
                // Mean rounded up, in integers so that 2.5 is 3 without floating-point doubt.
                default -> Math.floorDiv(java.util.Arrays.stream(values).sum() + values.length - 1, values.length);
            };
            levels.put(c, level);
        }
        return Optional.of(new Final(ResolutionMethod.RULE, levels, Optional.empty()));
    }

    private static Final of(ResolutionMethod method, Map<String, Integer> levels) {
        return new Final(method, levels, levels.isEmpty() ? Optional.of(BLANK) : Optional.empty());
    }
}
