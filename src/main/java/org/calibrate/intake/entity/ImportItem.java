package org.calibrate.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One listed submission of an import and what became of it. */
@Entity
@Table(name = "import_item")
public class ImportItem {
    /** PENDING until it has an outcome: a new piece, a changed piece, nothing new, or a failure with its reason. */
    public enum State { PENDING, ADDED, UPDATED, UNCHANGED, FAILED }

    @Id
    private String id;
    @Column(name = "job_id", nullable = false)
    private String jobId;
    @Column(nullable = false)
    private int position;
    @Column(name = "source_key", nullable = false)
    private String sourceKey;
    @Column(nullable = false)
    private String fingerprint;
    @Column(nullable = false)
    private String handle;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    private String reason;
    @Column(name = "piece_id")
    private String pieceId;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ImportItem() {
    }

    public ImportItem(String jobId, int position, String sourceKey, String fingerprint, String handle, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.jobId = jobId;
        this.position = position;
        this.sourceKey = sourceKey;
        this.fingerprint = fingerprint;
        this.handle = handle;
        this.state = State.PENDING;
        this.updatedAt = now;
    }

    public void outcome(State state, Optional<String> pieceId, Optional<String> reason, Instant now) {
        this.state = state;
        this.pieceId = pieceId.orElse(null);
        this.reason = reason.map(r -> r.length() > 2000 ? r.substring(0, 2000) : r).orElse(null);
        this.updatedAt = now;
    }

    public void retry(Instant now) {
        this.state = State.PENDING;
        this.reason = null;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String jobId() {
        return jobId;
    }

    public int position() {
        return position;
    }

    public String sourceKey() {
        return sourceKey;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String handle() {
        return handle;
    }

    public State state() {
        return state;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> pieceId() {
        return Optional.ofNullable(pieceId);
    }
}
