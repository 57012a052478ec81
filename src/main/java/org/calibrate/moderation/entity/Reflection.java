package org.calibrate.moderation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/**
 * What the moderation meeting learned (seeds 000, step 9): about the task, about instruction, and about the
 * scoring criteria.
 */
@Entity
@Table(name = "moderation_reflection")
public class Reflection {
    public static final int MAX_TEXT = 8000;

    @Id
    @Column(name = "round_id")
    private String roundId;
    private String task;
    private String instruction;
    private String criteria;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected Reflection() {
    }

    public Reflection(String roundId, Instant now) {
        this.roundId = roundId;
        this.updatedAt = now;
    }

    public void write(Optional<String> task, Optional<String> instruction, Optional<String> criteria, String memberId, Instant now) {
        this.task = text(task, "What we learned about the task");
        this.instruction = text(instruction, "What we learned about instruction");
        this.criteria = text(criteria, "What we learned about the scoring criteria");
        this.updatedBy = memberId;
        this.updatedAt = now;
    }

    private static String text(Optional<String> value, String what) {
        String t = value.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (t != null && t.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " may be at most " + MAX_TEXT + " characters.");
        }
        return t;
    }

    public Optional<String> task() {
        return Optional.ofNullable(task);
    }

    public Optional<String> instruction() {
        return Optional.ofNullable(instruction);
    }

    public Optional<String> criteria() {
        return Optional.ofNullable(criteria);
    }

    public Optional<String> updatedBy() {
        return Optional.ofNullable(updatedBy);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long lockVersion() {
        return lockVersion;
    }
}
