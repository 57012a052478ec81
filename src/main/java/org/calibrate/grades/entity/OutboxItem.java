package org.calibrate.grades.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/**
 * One score on its way to the platform's gradebook. Stored before any attempt, so a crash or an LMS
 * outage loses nothing; its timestamp is fixed at creation, so re-sending it after an attempt whose
 * outcome is unknown cannot apply it twice (AGS 2.0 §3.4.6: a platform ignores a score that is not newer).
 */
@Entity
@Table(name = "grade_outbox")
public class OutboxItem {
    /** Where a score is on its way: waiting (first try or retry), delivered, given up, or replaced by a newer score. */
    public enum State { PENDING, SENT, FAILED, SUPERSEDED }

    public static final int MAX_COMMENT = 4000;

    @Id
    @SequenceGenerator(name = "grade_outbox_seq", sequenceName = "grade_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grade_outbox_seq")
    private Long id;
    @Column(name = "placement_id", nullable = false)
    private String placementId;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Column(name = "score_given")
    private Double scoreGiven;
    @Column(name = "score_maximum", nullable = false)
    private double scoreMaximum;
    private String comment;
    @Column(name = "score_timestamp", nullable = false)
    private Instant scoreTimestamp;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected OutboxItem() {
    }

    public OutboxItem(String placementId, String userId, double scoreGiven, double scoreMaximum, Optional<String> comment,
                      Instant timestamp, String createdBy, Instant now) {
        if (!(scoreMaximum > 0)) {
            throw new IllegalArgumentException("The score maximum must be above 0.");
        }
        if (!(scoreGiven >= 0) || scoreGiven > scoreMaximum) {
            throw new IllegalArgumentException("The score must be between 0 and " + scoreMaximum + ".");
        }
        if (comment.map(c -> c.length() > MAX_COMMENT).orElse(false)) {
            throw new IllegalArgumentException("The comment is longer than " + MAX_COMMENT + " characters.");
        }
        this.placementId = placementId;
        this.userId = userId;
        this.scoreGiven = scoreGiven;
        this.scoreMaximum = scoreMaximum;
        this.comment = comment.filter(c -> !c.isBlank()).orElse(null);
        this.scoreTimestamp = timestamp;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A worker takes the item for a while; another node skips it until the lease ends (a crashed worker's lease just runs out). */
    public void claim(Instant until) {
        this.claimedUntil = until;
    }

    public void sent(Instant now) {
        this.state = State.SENT;
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
        this.nextAttemptAt = null;
        this.claimedUntil = null;
        this.updatedAt = now;
    }

    public void retryAt(Instant next, String error, Instant now) {
        this.attempts++;
        this.lastError = cut(error);
        this.nextAttemptAt = next;
        this.claimedUntil = null;
        this.updatedAt = now;
    }

    public void failed(String error, Instant now) {
        this.state = State.FAILED;
        this.attempts++;
        this.lastError = cut(error);
        this.nextAttemptAt = null;
        this.claimedUntil = null;
        this.updatedAt = now;
    }

    /** A moderator asks for another try after fixing the cause (services enabled, learner enrolled). */
    public void requeue(Instant now) {
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.updatedAt = now;
    }

    public void supersede(Instant now) {
        this.state = State.SUPERSEDED;
        this.nextAttemptAt = null;
        this.updatedAt = now;
    }

    private static String cut(String error) {
        return error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    public Long id() {
        return id;
    }

    public String placementId() {
        return placementId;
    }

    public String userId() {
        return userId;
    }

    public double scoreGiven() {
        return scoreGiven;
    }

    public double scoreMaximum() {
        return scoreMaximum;
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public Instant scoreTimestamp() {
        return scoreTimestamp;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Optional<Instant> claimedUntil() {
        return Optional.ofNullable(claimedUntil);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
