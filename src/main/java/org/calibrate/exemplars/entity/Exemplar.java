package org.calibrate.exemplars.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.calibrate.runtime.JsonText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A piece kept as an anchor for a task and rubric version: the anonymised text (copied, so it outlives its
 * round), the score point it illustrates, its final levels, and the annotation saying why it earns them.
 * Kept until its retention ends, or until withdrawn; either way the text is then erased.
 */
@Entity
@Table(name = "exemplar")
public class Exemplar {
    public static final int MAX_TASK = 200;
    public static final int MAX_ANNOTATION = 4000;

    public enum State { ACTIVE, WITHDRAWN, EXPIRED }

    @Id
    private String id;
    @Column(name = "platform_id", nullable = false)
    private long platformId;
    @Column(nullable = false)
    private String task;
    @Column(name = "rubric_id", nullable = false)
    private String rubricId;
    @Column(name = "round_id")
    private String roundId;
    @Column(name = "piece_id")
    private String pieceId;
    @Column(name = "piece_code", nullable = false)
    private String pieceCode;
    private String criterion;
    @Column(name = "score_point", nullable = false)
    private int scorePoint;
    @Column(nullable = false)
    private String levels;
    @Column(nullable = false)
    private String annotation;
    private String text;
    @Column(nullable = false)
    private String state;
    @Column(name = "keep_until", nullable = false)
    private LocalDate keepUntil;
    @Column(name = "anonymity_checked_by")
    private String anonymityCheckedBy;
    @Column(name = "anonymity_checked_at")
    private Instant anonymityCheckedAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected Exemplar() {
    }

    /**
     * @param criterion the criterion key it illustrates, or empty for the whole piece (its total)
     */
    public Exemplar(long platformId, String task, String rubricId, String roundId, String pieceId, String pieceCode,
                    Optional<String> criterion, int scorePoint, Map<String, Integer> levels, String annotation, String text,
                    LocalDate keepUntil, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.platformId = platformId;
        this.rubricId = rubricId;
        this.roundId = roundId;
        this.pieceId = pieceId;
        this.pieceCode = pieceCode;
        this.criterion = criterion.orElse(null);
        this.scorePoint = scorePoint;
        this.levels = JsonText.write(levels);
        this.text = text;
        this.state = State.ACTIVE.name().toLowerCase(java.util.Locale.ROOT);
        this.createdBy = createdBy;
        this.createdAt = now;
        describe(task, annotation, keepUntil, now);
    }

    /** Task label, annotation and retention may change; a changed text or annotation needs a new anonymity check. */
    public final void describe(String task, String annotation, LocalDate keepUntil, Instant now) {
        String t = task == null ? "" : task.strip();
        if (t.isEmpty() || t.length() > MAX_TASK) {
            throw new IllegalArgumentException("Name the task in 1 to " + MAX_TASK + " characters.");
        }
        String a = annotation == null ? "" : annotation.strip();
        if (a.isEmpty() || a.length() > MAX_ANNOTATION) {
            throw new IllegalArgumentException("Say why this piece earns its score, in 1 to " + MAX_ANNOTATION + " characters.");
        }
        if (keepUntil == null) {
            throw new IllegalArgumentException("An exemplar needs the date until which it is kept.");
        }
        if (!a.equals(this.annotation)) {
            this.anonymityCheckedAt = null;
            this.anonymityCheckedBy = null;
        }
        this.task = t;
        this.annotation = a;
        this.keepUntil = keepUntil;
        this.updatedAt = now;
    }

    /** A person read the text and annotation once more for anything that identifies the student or a teacher. */
    public void anonymityChecked(String userId, Instant now) {
        this.anonymityCheckedBy = userId;
        this.anonymityCheckedAt = now;
        this.updatedAt = now;
    }

    /** Withdrawn (consent declined, or a moderator's choice) or expired: the student's text goes at once. */
    public void end(State state, Instant now) {
        if (state == State.ACTIVE) {
            throw new IllegalArgumentException("An exemplar ends as withdrawn or expired.");
        }
        this.state = state.name().toLowerCase(java.util.Locale.ROOT);
        this.text = null;
        this.updatedAt = now;
    }

    public boolean active(LocalDate today) {
        return state() == State.ACTIVE && !keepUntil.isBefore(today);
    }

    public String id() {
        return id;
    }

    public long platformId() {
        return platformId;
    }

    public String task() {
        return task;
    }

    public String rubricId() {
        return rubricId;
    }

    public Optional<String> roundId() {
        return Optional.ofNullable(roundId);
    }

    public Optional<String> pieceId() {
        return Optional.ofNullable(pieceId);
    }

    public String pieceCode() {
        return pieceCode;
    }

    public Optional<String> criterion() {
        return Optional.ofNullable(criterion);
    }

    public int scorePoint() {
        return scorePoint;
    }

    public Map<String, Integer> levels() {
        return JsonText.levels(levels);
    }

    public String annotation() {
        return annotation;
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public State state() {
        return State.valueOf(state.toUpperCase(java.util.Locale.ROOT));
    }

    public LocalDate keepUntil() {
        return keepUntil;
    }

    public Optional<String> anonymityCheckedBy() {
        return Optional.ofNullable(anonymityCheckedBy);
    }

    public Optional<Instant> anonymityCheckedAt() {
        return Optional.ofNullable(anonymityCheckedAt);
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
