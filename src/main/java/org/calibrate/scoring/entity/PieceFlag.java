package org.calibrate.scoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A scorer's signal about a piece, for the moderators: sensitive content, unsure, file problem, or a
 * suggested condition code ({@code condition:<code>}). Raised as soon as the scorer ticks it, draft or not.
 */
@Entity
@Table(name = "piece_flag")
public class PieceFlag {
    public static final String SENSITIVE = "sensitive";
    public static final String CONDITION_PREFIX = "condition:";

    @Id
    private String id;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Column(name = "piece_id", nullable = false)
    private String pieceId;
    @Column(name = "member_id", nullable = false)
    private String memberId;
    @Column(nullable = false)
    private String kind;
    private String note;
    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    private String acknowledgedBy;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected PieceFlag() {
    }

    public PieceFlag(String roundId, String pieceId, String memberId, String kind, Optional<String> note, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.pieceId = pieceId;
        this.memberId = memberId;
        this.kind = kind;
        this.note = note.orElse(null);
        this.raisedAt = now;
    }

    public void noted(Optional<String> note) {
        this.note = note.orElse(null);
    }

    public void acknowledge(String memberId, Instant now) {
        if (acknowledgedAt == null) {
            this.acknowledgedAt = now;
            this.acknowledgedBy = memberId;
        }
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

    public String kind() {
        return kind;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public Optional<Instant> acknowledgedAt() {
        return Optional.ofNullable(acknowledgedAt);
    }
}
