package org.calibrate.moderation.boundary;

import org.calibrate.moderation.control.FinalScores;
import org.calibrate.moderation.control.Moderation;
import org.calibrate.moderation.control.Standing;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.rubrics.entity.ScorePoint;
import org.calibrate.scoring.entity.Score;
import org.calibrate.scoring.entity.ScoreContent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes moderation shares between its resources. */
public final class ModerationViews {

    private ModerationViews() {
    }

    public record RulesView(long lock_version, String phase, String tolerance, String adjacent_rule, String discrepant_rule,
                            String grade_scale, boolean grade_comment, boolean scorers_revealed, String finalised_at) {
        static RulesView of(Round r) {
            return new RulesView(r.lockVersion(), r.phase().key(), r.tolerance().key(), r.adjacentRule().key(), r.discrepantRule().key(),
                    r.gradeScale().key(), r.gradeComment(), r.scorersRevealed(), r.finalisedAt().map(Object::toString).orElse(null));
        }
    }

    public record FinalView(String method, Map<String, Integer> levels, Integer total, String condition_code) {
        static FinalView of(FinalScores.Final f) {
            return new FinalView(f.method().key(), f.levels(), f.levels().isEmpty() ? null : f.total(), f.conditionCode().orElse(null));
        }
    }

    public record ScoreCell(String scorer, Map<String, Integer> levels, Integer total, String condition_code) {
        static ScoreCell of(Score s) {
            Map<String, Integer> levels = s.content().levels();
            return new ScoreCell(s.memberId(), levels, levels.isEmpty() ? null : levels.values().stream().mapToInt(Integer::intValue).sum(),
                    s.content().conditionCode().orElse(null));
        }
    }

    /** spread is null where a blank meets a scored response. */
    public record Summary(String code, String group, boolean exact, Integer spread, String state, List<ScoreCell> scores,
                          FinalView final_score, int open_flags, int posts, int exemplars) {
    }

    static Summary summary(Moderation.PieceState s, Standing.Group group, boolean exact, int spread) {
        return new Summary(s.piece().code().value(), key(group), exact, spread(spread), key(s.state()),
                s.scores().stream().map(ScoreCell::of).toList(), s.finalScore().map(FinalView::of).orElse(null),
                (int) s.flags().stream().filter(f -> f.acknowledgedAt().isEmpty()).count(), s.posts(), s.exemplars());
    }

    /** One scorer's whole score, with the rubric descriptors of the levels they chose. */
    public record ScoreDetail(String scorer, String label, String name, boolean adjudication, Map<String, Integer> levels, Integer total,
                              List<String> caps, String condition_code, String rationale, String evidence, List<String> flags,
                              String suggested_condition, String flag_note, Map<String, String> descriptors, String submitted_at) {
        static ScoreDetail of(String label, String name, Score s, RubricDefinition rubric) {
            ScoreContent c = s.content();
            Map<String, String> descriptors = new LinkedHashMap<>();
            c.levels().forEach((k, level) -> rubric.criterion(k).flatMap(cr -> cr.point(level)).map(ScorePoint::descriptor)
                    .ifPresent(d -> descriptors.put(k, d)));
            return new ScoreDetail(s.memberId(), label, name, s.adjudication(), c.levels(),
                    c.levels().isEmpty() ? null : c.levels().values().stream().mapToInt(Integer::intValue).sum(), List.copyOf(c.caps()),
                    c.conditionCode().orElse(null), c.rationale().orElse(null), c.evidence().orElse(null), c.flagKeys(),
                    c.suggestedCondition().map(ScoreContent.SuggestedCondition::key).orElse(null), c.flagNote().orElse(null), descriptors,
                    s.submittedAt().map(Object::toString).orElse(null));
        }
    }

    public record CriterionStanding(String criterion, Integer spread, boolean agreed) {
        static List<CriterionStanding> of(Standing.Of s) {
            return s.criteria().stream().map(c -> new CriterionStanding(c.criterion(), ModerationViews.spread(c.spread()),
                    c.agreed())).toList();
        }
    }

    public record PostView(String id, String author, boolean mine, String body, String posted_at) {
    }

    /** A spread as the API gives it: null where a blank meets a scored response (no difference in levels to give). */
    static Integer spread(int spread) {
        return spread == Integer.MAX_VALUE ? null : spread;
    }

    static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
