package org.calibrate.scoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.calibrate.runtime.JsonText;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One scorer's score of one piece: a draft while they work on it, submitted when they say so. */
@Entity
@Table(name = "score")
public class Score {
    /** Draft (autosaved) or submitted (counts; still revisable while the round is in scoring). */
    public enum State { DRAFT, SUBMITTED }

    @Id
    private String id;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Column(name = "piece_id", nullable = false)
    private String pieceId;
    @Column(name = "member_id", nullable = false)
    private String memberId;
    @Column(nullable = false)
    private String levels;
    @Column(nullable = false)
    private String caps;
    @Column(name = "condition_code")
    private String conditionCode;
    @Column(nullable = false)
    private String flags;
    @Column(name = "suggested_condition")
    private String suggestedCondition;
    @Column(name = "flag_note")
    private String flagNote;
    private String rationale;
    private String evidence;
    @Column(nullable = false)
    private String state;
    @Column(nullable = false)
    private boolean adjudication;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected Score() {
    }

    public Score(String roundId, String pieceId, String memberId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.pieceId = pieceId;
        this.memberId = memberId;
        this.levels = "{}";
        this.caps = "[]";
        this.flags = "[]";
        this.state = State.DRAFT.name();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(ScoreContent content, boolean submit, Instant now) {
        this.levels = JsonText.write(content.levels());
        this.caps = JsonText.write(content.caps().stream().sorted().toList());
        this.conditionCode = content.conditionCode().orElse(null);
        this.flags = JsonText.write(content.flagKeys());
        this.suggestedCondition = content.suggestedCondition().map(ScoreContent.SuggestedCondition::key).orElse(null);
        this.flagNote = content.flagNote().orElse(null);
        this.rationale = content.rationale().orElse(null);
        this.evidence = content.evidence().orElse(null);
        this.updatedAt = now;
        if (submit) {
            this.state = State.SUBMITTED.name();
            this.submittedAt = now;
        }
    }

    /** A third scorer's score of a discrepant piece: it settles the piece and stays out of the agreement figures. */
    public void adjudication(boolean adjudication) {
        this.adjudication = adjudication;
    }

    public boolean adjudication() {
        return adjudication;
    }

    public ScoreContent content() {
        Set<ScoreContent.Flag> f = new HashSet<>();
        JsonText.strings(flags).forEach(k -> ScoreContent.Flag.of(k).ifPresent(f::add));
        return new ScoreContent(JsonText.levels(levels), Set.copyOf(JsonText.strings(caps)), Optional.ofNullable(conditionCode), f,
                Optional.ofNullable(suggestedCondition).flatMap(ScoreContent.SuggestedCondition::of),
                Optional.ofNullable(flagNote), Optional.ofNullable(rationale), Optional.ofNullable(evidence));
    }

    /** The score as the audit trail keeps it: everything the scorer said, and the state. */
    public String auditJson() {
        ScoreContent c = content();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("levels", c.levels());
        m.put("caps", c.caps());
        c.conditionCode().ifPresent(v -> m.put("condition_code", v));
        m.put("flags", c.flagKeys());
        c.suggestedCondition().ifPresent(v -> m.put("suggested_condition", v.key()));
        c.flagNote().ifPresent(v -> m.put("flag_note", v));
        c.rationale().ifPresent(v -> m.put("rationale", v));
        c.evidence().ifPresent(v -> m.put("evidence", v));
        return JsonText.write(m);
    }

    public String id() {
        return id;
    }

    public String roundId() {
        return roundId;
    }

    public String pieceId() {
        return pieceId;
    }

    public String memberId() {
        return memberId;
    }

    public State state() {
        return State.valueOf(state);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt);
    }

    public long lockVersion() {
        return lockVersion;
    }
}
