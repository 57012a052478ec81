package org.calibrate.scoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** The audit trail of a score: who changed it, when, what it was before and after. Append-only. */
@Entity
@Table(name = "score_change")
public class ScoreChange {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "score_change_seq")
    @SequenceGenerator(name = "score_change_seq", sequenceName = "score_change_seq", allocationSize = 50)
    private Long id;
    @Column(name = "score_id", nullable = false)
    private String scoreId;
    @Column(name = "member_id", nullable = false)
    private String memberId;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    private String before;
    @Column(nullable = false)
    private String after;

    protected ScoreChange() {
    }

    public ScoreChange(String scoreId, String memberId, Instant at, String before, String after) {
        this.scoreId = scoreId;
        this.memberId = memberId;
        this.changedAt = at;
        this.before = before;
        this.after = after;
    }

    public String scoreId() {
        return scoreId;
    }

    public String memberId() {
        return memberId;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String before() {
        return before;
    }

    public String after() {
        return after;
    }
}
