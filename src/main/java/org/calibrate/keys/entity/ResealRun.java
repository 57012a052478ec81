package org.calibrate.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest re-sealing of data-key values under the current key, shared by every node: who started it, how far it
 * got, and the node's lease on it. One row; the version makes two starts at once end in one run.
 */
@Entity
@Table(name = "data_key_reseal")
public class ResealRun {
    public static final String ID = "data";

    public enum State {
        IDLE, RUNNING
    }

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "run_id")
    private String runId;
    private String kid;
    @Column(name = "started_by")
    private String startedBy;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    /** Values not under the current key when the run started. */
    @Column(nullable = false)
    private long due;
    @Column(nullable = false)
    private long resealed;
    /** Values no held key opens. */
    @Column(nullable = false)
    private long failed;
    /** Values that changed while being re-sealed (their writer sealed them afresh) or were already under the key. */
    @Column(nullable = false)
    private long skipped;
    @Column(name = "last_error")
    private String lastError;
    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    protected ResealRun() {
    }

    /** Whether a node works on it now (its lease has not run out). */
    public boolean running(Instant now) {
        return state == State.RUNNING && leaseUntil != null && now.isBefore(leaseUntil);
    }

    /** Whether it was left running by a node that went away. */
    public boolean abandoned(Instant now) {
        return state == State.RUNNING && !running(now);
    }

    public void start(String kid, String actor, long due, Instant now, Instant leaseUntil) {
        this.state = State.RUNNING;
        this.runId = UUID.randomUUID().toString();
        this.kid = kid;
        this.startedBy = actor;
        this.startedAt = now;
        this.finishedAt = null;
        this.leaseUntil = leaseUntil;
        this.due = due;
        this.resealed = 0;
        this.failed = 0;
        this.skipped = 0;
        this.lastError = null;
    }

    /** Adds a batch's outcome and renews the lease. */
    public void progress(long resealed, long failed, long skipped, Optional<String> error, Instant leaseUntil) {
        this.resealed += resealed;
        this.failed += failed;
        this.skipped += skipped;
        error.ifPresent(this::error);
        this.leaseUntil = leaseUntil;
    }

    public void finish(Instant now, Optional<String> error) {
        error.ifPresent(this::error);
        this.state = State.IDLE;
        this.finishedAt = now;
        this.leaseUntil = null;
    }

    private void error(String message) {
        this.lastError = message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    public boolean ownedBy(String run) {
        return state == State.RUNNING && run.equals(runId);
    }

    public State state() {
        return state;
    }

    public String runId() {
        return runId;
    }

    public Optional<String> kid() {
        return Optional.ofNullable(kid);
    }

    public Optional<String> startedBy() {
        return Optional.ofNullable(startedBy);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public long due() {
        return due;
    }

    public long resealed() {
        return resealed;
    }

    public long failed() {
        return failed;
    }

    public long skipped() {
        return skipped;
    }

    /** Values dealt with so far: re-sealed, unreadable or skipped. */
    public long done() {
        return resealed + failed + skipped;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
