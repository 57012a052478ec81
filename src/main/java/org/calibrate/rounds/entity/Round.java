package org.calibrate.rounds.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.calibrate.moderation.entity.AdjacentRule;
import org.calibrate.moderation.entity.DiscrepantRule;
import org.calibrate.moderation.entity.GradeScale;
import org.calibrate.moderation.entity.Tolerance;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A moderation round: a course's pieces scored blind against one rubric version by its scorers,
 * under a design, moving explicitly through its phases.
 */
@Entity(name = "ModerationRound")
@Table(name = "moderation_round")
public class Round {
    public static final int MAX_TITLE = 200;
    public static final int MAX_TASK = 4000;

    @Id
    private String id;
    @Column(name = "platform_id", nullable = false)
    private long platformId;
    @Column(name = "course_id", nullable = false)
    private String courseId;
    @Column(name = "placement_id")
    private String placementId;
    @Column(nullable = false)
    private String title;
    private String task;
    @Column(name = "rubric_id", nullable = false)
    private String rubricId;
    @Column(nullable = false)
    private String phase;
    @Column(name = "scorers_per_piece", nullable = false)
    private int scorersPerPiece;
    @Column(name = "all_score_all", nullable = false)
    private boolean allScoreAll;
    @Column(name = "multi_scored_share", nullable = false)
    private double multiScoredShare;
    @Column(name = "capacity_weighted", nullable = false)
    private boolean capacityWeighted;
    @Column(nullable = false)
    private long seed;
    @Column(name = "calibration_required", nullable = false)
    private boolean calibrationRequired;
    @Column(name = "qualifying_agreement", nullable = false)
    private double qualifyingAgreement;
    @Column(name = "join_code", nullable = false)
    private String joinCode;
    @Column(name = "allocation_stale", nullable = false)
    private boolean allocationStale;
    @Column(nullable = false)
    private String tolerance;
    @Column(name = "adjacent_rule", nullable = false)
    private String adjacentRule;
    @Column(name = "discrepant_rule", nullable = false)
    private String discrepantRule;
    @Column(name = "grade_scale", nullable = false)
    private String gradeScale;
    @Column(name = "grade_comment", nullable = false)
    private boolean gradeComment;
    @Column(name = "scorers_revealed", nullable = false)
    private boolean scorersRevealed;
    @Column(name = "finalised_at")
    private Instant finalisedAt;
    @Column(name = "report_shared", nullable = false)
    private boolean reportShared;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "erased_at")
    private Instant erasedAt;
    @Column(name = "released_at")
    private Instant releasedAt;
    @Column(name = "released_by")
    private String releasedBy;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected Round() {
    }

    public Round(long platformId, String courseId, Optional<String> placementId, String title, Optional<String> task,
                 String rubricId, String createdBy, long seed, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.platformId = platformId;
        this.courseId = courseId;
        this.placementId = placementId.orElse(null);
        describe(title, task, now);
        this.rubricId = rubricId;
        this.phase = Phase.SETUP.key();
        this.scorersPerPiece = 2;
        this.multiScoredShare = 1.0;
        this.seed = seed;
        this.qualifyingAgreement = 0.8;
        this.joinCode = JoinCode.random().value();
        this.allocationStale = true;
        this.tolerance = Tolerance.EXACT.key();
        this.adjacentRule = AdjacentRule.MODERATOR.key();
        this.discrepantRule = DiscrepantRule.MODERATOR.key();
        this.gradeScale = GradeScale.RANGE.key();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public final void describe(String title, Optional<String> task, Instant now) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw new IllegalArgumentException("A round needs a title of 1 to " + MAX_TITLE + " characters.");
        }
        if (task.map(t -> t.length() > MAX_TASK).orElse(false)) {
            throw new IllegalArgumentException("The task description is longer than " + MAX_TASK + " characters.");
        }
        this.title = title.strip();
        this.task = task.map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        this.updatedAt = now;
    }

    /** Rubric and design are set before any scorer sees a piece. */
    public void design(String rubricId, int scorersPerPiece, boolean allScoreAll, double multiScoredShare,
                       boolean capacityWeighted, long seed, Instant now) {
        requirePhase(Phase.SETUP, "The rubric and the design can only change while the round is in setup.");
        if (scorersPerPiece < 1 || scorersPerPiece > 10) {
            throw new IllegalArgumentException("Scorers per piece must be between 1 and 10.");
        }
        if (!(multiScoredShare >= 0 && multiScoredShare <= 1)) {
            throw new IllegalArgumentException("The share of pieces scored more than once must be between 0 % and 100 %.");
        }
        boolean changed = !rubricId.equals(this.rubricId) || scorersPerPiece != this.scorersPerPiece
                || allScoreAll != this.allScoreAll || multiScoredShare != this.multiScoredShare
                || capacityWeighted != this.capacityWeighted || seed != this.seed;
        this.rubricId = rubricId;
        this.scorersPerPiece = scorersPerPiece;
        this.allScoreAll = allScoreAll;
        this.multiScoredShare = multiScoredShare;
        this.capacityWeighted = capacityWeighted;
        this.seed = seed;
        this.updatedAt = now;
        if (changed) {
            this.allocationStale = true;
        }
    }

    public void calibration(boolean required, double qualifyingAgreement, Instant now) {
        if (!(qualifyingAgreement >= 0 && qualifyingAgreement <= 1)) {
            throw new IllegalArgumentException("The qualifying agreement must be between 0 % and 100 %.");
        }
        if (phase() != Phase.SETUP && phase() != Phase.CALIBRATION && (required != calibrationRequired || qualifyingAgreement != this.qualifyingAgreement)) {
            throw new IllegalStateException("The calibration requirement can only change before live scoring starts.");
        }
        this.calibrationRequired = required;
        this.qualifyingAgreement = qualifyingAgreement;
        this.updatedAt = now;
    }

    /** How scores become final scores and grades; fixed once the round is finalised. */
    public void moderationRules(Tolerance tolerance, AdjacentRule adjacentRule, DiscrepantRule discrepantRule, GradeScale gradeScale,
                                boolean gradeComment, Instant now) {
        if (phase() == Phase.FINALISED) {
            throw new IllegalStateException("A finalised round's moderation rules cannot change; reopen it first.");
        }
        this.tolerance = tolerance.key();
        this.adjacentRule = adjacentRule.key();
        this.discrepantRule = discrepantRule.key();
        this.gradeScale = gradeScale.key();
        this.gradeComment = gradeComment;
        this.updatedAt = now;
    }

    /** In the moderation meeting the moderator may let scorers see who gave which score; students are never revealed. */
    public void scorersRevealed(boolean revealed, Instant now) {
        this.scorersRevealed = revealed;
        this.updatedAt = now;
    }

    /** Scorers see their own figures; the moderator may let them see the round's agreement beside them. */
    public void reportShared(boolean shared, Instant now) {
        this.reportShared = shared;
        this.updatedAt = now;
    }

    public boolean reportShared() {
        return reportShared;
    }

    public void finalise(Instant now) {
        moveTo(Phase.FINALISED, now);
        this.finalisedAt = now;
    }

    public void reopen(Instant now) {
        moveTo(Phase.MODERATION, now);
        this.finalisedAt = null;
    }

    /** The pieces go to scorers as they stand; their review is closed until the release is withdrawn. */
    public void release(String memberId, Instant now) {
        this.releasedAt = now;
        this.releasedBy = memberId;
        this.updatedAt = now;
    }

    public void withdrawRelease(Instant now) {
        this.releasedAt = null;
        this.releasedBy = null;
        this.updatedAt = now;
    }

    /** The students' data of this round is gone: files, originals, identity links and the pieces' texts. */
    public void erased(Instant now) {
        this.erasedAt = now;
        this.updatedAt = now;
    }

    public Optional<Instant> erasedAt() {
        return Optional.ofNullable(erasedAt);
    }

    public Optional<Instant> releasedAt() {
        return Optional.ofNullable(releasedAt);
    }

    public Optional<String> releasedBy() {
        return Optional.ofNullable(releasedBy);
    }

    public void moveTo(Phase to, Instant now) {
        if (!phase().mayMoveTo(to)) {
            throw new IllegalStateException("A round in " + phase().key() + " cannot move to " + to.key() + ".");
        }
        this.phase = to.key();
        this.updatedAt = now;
    }

    /** Pieces, scorers or the design changed: the allocation must run again before scoring goes on. */
    public void allocationOutdated() {
        this.allocationStale = true;
    }

    public void allocated(Instant now) {
        this.allocationStale = false;
        this.updatedAt = now;
    }

    /** The version the caller saw must still be the round's: someone else's change is never overwritten. */
    public void requireLockVersion(long seen) {
        if (lockVersion != seen) {
            throw new jakarta.persistence.OptimisticLockException("round changed meanwhile");
        }
    }

    public void requirePhase(Phase expected, String message) {
        if (phase() != expected) {
            throw new IllegalStateException(message);
        }
    }

    public String id() {
        return id;
    }

    public long platformId() {
        return platformId;
    }

    public String courseId() {
        return courseId;
    }

    public Optional<String> placementId() {
        return Optional.ofNullable(placementId);
    }

    public String title() {
        return title;
    }

    public Optional<String> task() {
        return Optional.ofNullable(task);
    }

    public String rubricId() {
        return rubricId;
    }

    /** From moderation on, one scorer's levels may be shown beside another's: until then scores stay blind. */
    public boolean scoringEnded() {
        return phase() == Phase.MODERATION || phase() == Phase.FINALISED;
    }

    public Phase phase() {
        return Phase.of(phase).orElseThrow();
    }

    public int scorersPerPiece() {
        return scorersPerPiece;
    }

    public boolean allScoreAll() {
        return allScoreAll;
    }

    public double multiScoredShare() {
        return multiScoredShare;
    }

    public boolean capacityWeighted() {
        return capacityWeighted;
    }

    public long seed() {
        return seed;
    }

    public boolean calibrationRequired() {
        return calibrationRequired;
    }

    public double qualifyingAgreement() {
        return qualifyingAgreement;
    }

    public JoinCode joinCode() {
        return new JoinCode(joinCode);
    }

    public boolean allocationStale() {
        return allocationStale;
    }

    public Tolerance tolerance() {
        return Tolerance.of(tolerance).orElse(Tolerance.EXACT);
    }

    public AdjacentRule adjacentRule() {
        return AdjacentRule.of(adjacentRule).orElse(AdjacentRule.MODERATOR);
    }

    public DiscrepantRule discrepantRule() {
        return DiscrepantRule.of(discrepantRule).orElse(DiscrepantRule.MODERATOR);
    }

    public GradeScale gradeScale() {
        return GradeScale.of(gradeScale).orElse(GradeScale.RANGE);
    }

    public boolean gradeComment() {
        return gradeComment;
    }

    public boolean scorersRevealed() {
        return scorersRevealed;
    }

    public Optional<Instant> finalisedAt() {
        return Optional.ofNullable(finalisedAt);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long lockVersion() {
        return lockVersion;
    }
}
