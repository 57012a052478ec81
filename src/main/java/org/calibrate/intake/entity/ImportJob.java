package org.calibrate.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One import into a round. Its progress counts are the truth after any crash: each item's outcome and
 * the count move in one transaction. A node works on it while it holds the claim; a claim that ran out
 * (its node died) lets another node take it up where it stopped.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {
    /**
     * QUEUED: waiting for a node; LISTING: asking the source what there is; RUNNING: turning items into pieces;
     * STOPPED: the source failed in a way that may pass (resumable); DONE: every item has an outcome (some may have failed).
     */
    public enum State { QUEUED, LISTING, RUNNING, STOPPED, DONE }

    public static final int MAX_MESSAGE = 2000;

    @Id
    private String id;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportKind kind;
    @Column(nullable = false)
    private String label;
    @Column(nullable = false)
    private String params;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(nullable = false)
    private int total;
    @Column(nullable = false)
    private int added;
    @Column(nullable = false)
    private int updated;
    @Column(nullable = false)
    private int unchanged;
    @Column(nullable = false)
    private int failed;
    private String message;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    protected ImportJob() {
    }

    public ImportJob(String roundId, ImportKind kind, String label, String params, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.kind = kind;
        this.label = label.length() > 300 ? label.substring(0, 300) : label;
        this.params = params;
        this.state = State.QUEUED;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void claim(Instant until, Instant now) {
        this.claimedUntil = until;
        this.attempts++;
        if (state == State.QUEUED || state == State.STOPPED) {
            this.state = total > 0 ? State.RUNNING : State.LISTING;
        }
        this.message = null;
        this.updatedAt = now;
    }

    public boolean claimable(Instant now) {
        return (state == State.QUEUED || state == State.LISTING || state == State.RUNNING)
                && (claimedUntil == null || claimedUntil.isBefore(now));
    }

    public void listed(int total, Instant now) {
        this.total = total;
        this.state = State.RUNNING;
        this.updatedAt = now;
    }

    public void counted(ImportItem.State outcome, Instant now) {
        switch (outcome) {
            case ADDED -> added++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case FAILED -> failed++;
            case PENDING -> throw new IllegalArgumentException("pending is no outcome");
        }
        this.updatedAt = now;
    }

    public void stopped(String message, Instant now) {
        this.state = State.STOPPED;
        this.message = clip(message);
        this.claimedUntil = null;
        this.updatedAt = now;
    }

    public void done(List<String> notices, Instant now) {
        this.message = notices.isEmpty() ? null : clip(String.join(" ", notices));
        this.state = State.DONE;
        this.claimedUntil = null;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    /** Resumed by a person: queued again; failed items are tried again, the others keep their outcome. */
    public void resume(int retriedItems, Instant now) {
        this.state = State.QUEUED;
        this.failed = Math.max(0, failed - retriedItems);
        this.message = null;
        this.finishedAt = null;
        this.updatedAt = now;
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE);
    }

    public String id() {
        return id;
    }

    public String roundId() {
        return roundId;
    }

    public ImportKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public String params() {
        return params;
    }

    public State state() {
        return state;
    }

    public int total() {
        return total;
    }

    public int added() {
        return added;
    }

    public int updated() {
        return updated;
    }

    public int unchanged() {
        return unchanged;
    }

    public int failed() {
        return failed;
    }

    public int finished() {
        return added + updated + unchanged + failed;
    }

    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    public int attempts() {
        return attempts;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public long lockVersion() {
        return lockVersion;
    }
}
