package org.calibrate.rubrics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.calibrate.rubrics.control.RubricJson;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a rubric, stored as its JSON definition. A version a round uses is frozen: editing
 * it makes the next version of the family, so scores always refer to the rubric they were given against.
 */
@Entity
@Table(name = "rubric")
public class Rubric {
    @Id
    private String id;
    @Column(nullable = false)
    private String family;
    @Column(nullable = false)
    private int version;
    @Column(name = "platform_id")
    private Long platformId;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String definition;
    @Column(nullable = false)
    private boolean frozen;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;
    @Transient
    private RubricDefinition parsed;

    protected Rubric() {
    }

    /** @param platformId empty for a rubric shipped with Calibrate, visible on every platform */
    public Rubric(String family, int version, Optional<Long> platformId, RubricDefinition definition,
                  Optional<String> createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.family = family;
        this.version = version;
        this.platformId = platformId.orElse(null);
        this.createdBy = createdBy.orElse(null);
        this.createdAt = now;
        define(definition, now);
        // Shipped rubrics are never edited in place: a change to the shipped file becomes a new version.
        this.frozen = platformId.isEmpty();
    }

    public final void define(RubricDefinition definition, Instant now) {
        if (frozen) {
            throw new IllegalStateException("Version " + version + " of this rubric is in use and cannot change; save a new version.");
        }
        this.definition = RubricJson.write(definition);
        this.title = definition.title();
        this.parsed = definition;
        this.updatedAt = now;
    }

    public void freeze() {
        this.frozen = true;
    }

    public RubricDefinition definition() {
        if (parsed == null) {
            parsed = RubricJson.read(definition);
        }
        return parsed;
    }

    public String id() {
        return id;
    }

    public String family() {
        return family;
    }

    public int version() {
        return version;
    }

    public Optional<Long> platformId() {
        return Optional.ofNullable(platformId);
    }

    public boolean shipped() {
        return platformId == null;
    }

    public String title() {
        return title;
    }

    public boolean frozen() {
        return frozen;
    }

    public Optional<String> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    public long lockVersion() {
        return lockVersion;
    }

    /** The definition exactly as stored, to compare a shipped file with what the database holds. */
    public String definitionJson() {
        return definition;
    }
}
