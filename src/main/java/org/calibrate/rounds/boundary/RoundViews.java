package org.calibrate.rounds.boundary;

import org.calibrate.allocation.control.Allocations;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.rubrics.entity.Rubric;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The JSON shapes of rounds: what a moderator sees, and the much smaller view a scorer gets. */
public final class RoundViews {
    private RoundViews() {
    }

    public record RubricRef(String id, int version, String title) {
        public static RubricRef of(Rubric r) {
            return new RubricRef(r.id(), r.version(), r.title());
        }
    }

    public record DesignView(int scorers_per_piece, boolean all_score_all, double multi_scored_share, boolean capacity_weighted, String seed) {
    }

    public record CalibrationView(boolean required, double qualifying_agreement, int items) {
    }

    public record MemberView(String id, String user_id, String name, List<String> roles, int capacity, List<String> teaches,
                             boolean active, String joined, String joined_at, long lock_version) {
        public static MemberView of(RoundMember m) {
            return new MemberView(m.id(), m.subject(), m.name().orElse(null), RoundViews.roles(m), m.capacity(), List.copyOf(m.teaches()),
                    m.active(), m.joinedVia(), m.joinedAt().toString(), m.lockVersion());
        }
    }

    public record AllocationView(String seed, String run_at, Map<String, Integer> load, Map<String, Map<String, Integer>> pairs,
                                 int conflicts_avoided, Map<String, String> unallocated, int kept, boolean stale) {
        public static AllocationView of(Allocations.Summary s) {
            return new AllocationView(Long.toString(s.seed()), s.runAt().toString(), s.load(), s.pairs(), s.conflictsAvoided(),
                    s.unallocated(), s.kept(), s.stale());
        }
    }

    /**
     * Either view: fields a scorer must not see (members, join code, design, allocation) are null in theirs.
     * The seed travels as text: JavaScript numbers cannot hold every 64-bit value.
     */
    public record RoundView(String id, String title, String task, String phase, List<String> phases, List<String> roles,
                            Long lock_version, String join_code, String course, String placement, RubricRef rubric,
                            DesignView design, CalibrationView calibration, List<MemberView> members, Long pieces,
                            AllocationView allocation, Boolean allocation_stale) {
    }

    public static RoundView moderator(Round r, RoundMember me, Rubric rubric, String course, List<RoundMember> members, long pieces,
                                      AllocationView allocation, int calibrationItems) {
        return new RoundView(r.id(), r.title(), r.task().orElse(null), r.phase().key(), phases(), roles(me), r.lockVersion(),
                r.joinCode().value(), course, r.placementId().orElse(null), RubricRef.of(rubric),
                new DesignView(r.scorersPerPiece(), r.allScoreAll(), r.multiScoredShare(), r.capacityWeighted(), Long.toString(r.seed())),
                new CalibrationView(r.calibrationRequired(), r.qualifyingAgreement(), calibrationItems),
                members.stream().map(MemberView::of).toList(), pieces, allocation, r.allocationStale());
    }

    public static RoundView scorer(Round r, RoundMember me, Rubric rubric, String course, int calibrationItems) {
        return new RoundView(r.id(), r.title(), r.task().orElse(null), r.phase().key(), phases(), roles(me), null, null, course,
                null, RubricRef.of(rubric), null, new CalibrationView(r.calibrationRequired(), r.qualifyingAgreement(), calibrationItems),
                null, null, null, null);
    }

    static List<String> roles(RoundMember m) {
        return m.moderator() && m.scorer() ? List.of("moderator", "scorer") : m.moderator() ? List.of("moderator") : List.of("scorer");
    }

    static List<String> phases() {
        return Arrays.stream(Phase.values()).map(Phase::key).toList();
    }
}
