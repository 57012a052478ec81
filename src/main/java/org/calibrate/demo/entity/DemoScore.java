package org.calibrate.demo.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A score the tool posted to the demo gradebook; every accepted post is kept, the latest per learner is the grade. */
@Entity
@Table(name = "demo_score")
public class DemoScore {
    @Id
    @SequenceGenerator(name = "demo_score_seq", sequenceName = "demo_score_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "demo_score_seq")
    private Long id;
    @Column(name = "line_item_id", nullable = false)
    private String lineItemId;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Column(name = "score_given")
    private Double scoreGiven;
    @Column(name = "score_maximum")
    private Double scoreMaximum;
    private String comment;
    @Column(name = "grading_progress", nullable = false)
    private String gradingProgress;
    @Column(name = "activity_progress", nullable = false)
    private String activityProgress;
    @Column(name = "score_timestamp", nullable = false)
    private Instant scoreTimestamp;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected DemoScore() {
    }

    public DemoScore(String lineItemId, String userId, Double scoreGiven, Double scoreMaximum, String comment,
                     String gradingProgress, String activityProgress, Instant timestamp, Instant now) {
        this.lineItemId = lineItemId;
        this.userId = userId;
        this.scoreGiven = scoreGiven;
        this.scoreMaximum = scoreMaximum;
        this.comment = comment;
        this.gradingProgress = gradingProgress;
        this.activityProgress = activityProgress;
        this.scoreTimestamp = timestamp;
        this.receivedAt = now;
    }

    public String lineItemId() {
        return lineItemId;
    }

    public String userId() {
        return userId;
    }

    public Optional<Double> scoreGiven() {
        return Optional.ofNullable(scoreGiven);
    }

    public Optional<Double> scoreMaximum() {
        return Optional.ofNullable(scoreMaximum);
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public String gradingProgress() {
        return gradingProgress;
    }

    public Instant scoreTimestamp() {
        return scoreTimestamp;
    }
}
