package org.calibrate.placement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Calibrate placed in a course: title, task description, the score maximum its gradebook column
 * has, and once launched, the LMS resource link and line item it belongs to.
 */
@Entity
@Table(name = "placement")
public class Placement {
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final double MAX_SCORE_MAXIMUM = 10_000;

    @Id
    private String id;
    @Column(name = "course_id", nullable = false)
    private String courseId;
    @Column(name = "resource_link_id")
    private String resourceLinkId;
    @Column(nullable = false)
    private String title;
    private String description;
    @Column(name = "score_maximum", nullable = false)
    private double scoreMaximum;
    @Column(name = "line_item_url")
    private String lineItemUrl;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Placement() {
    }

    public Placement(String courseId, String title, Optional<String> description, double scoreMaximum,
                     Optional<String> createdBy, Instant now) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("A placement needs a title of 1 to " + MAX_TITLE + " characters.");
        }
        if (description.map(d -> d.length() > MAX_DESCRIPTION).orElse(false)) {
            throw new IllegalArgumentException("The description is longer than " + MAX_DESCRIPTION + " characters.");
        }
        if (!(scoreMaximum > 0) || scoreMaximum > MAX_SCORE_MAXIMUM) {
            throw new IllegalArgumentException("The score maximum must be above 0 and at most " + (int) MAX_SCORE_MAXIMUM + ".");
        }
        this.id = UUID.randomUUID().toString();
        this.courseId = courseId;
        this.title = title.strip();
        this.description = description.map(String::strip).filter(d -> !d.isEmpty()).orElse(null);
        this.scoreMaximum = scoreMaximum;
        this.createdBy = createdBy.orElse(null);
        this.createdAt = now;
    }

    /** The first launch of the LMS activity made from this placement ties them together. */
    public void bind(String resourceLinkId) {
        this.resourceLinkId = resourceLinkId;
    }

    public void lineItem(URI url) {
        this.lineItemUrl = url.toString();
    }

    public String id() {
        return id;
    }

    public String courseId() {
        return courseId;
    }

    public Optional<String> resourceLinkId() {
        return Optional.ofNullable(resourceLinkId);
    }

    public String title() {
        return title;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public double scoreMaximum() {
        return scoreMaximum;
    }

    public Optional<URI> lineItemUrl() {
        return Optional.ofNullable(lineItemUrl).map(URI::create);
    }

    /** The teacher who set the placement up: who returns its grades until rounds name moderators. */
    public Optional<String> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    public long version() {
        return version;
    }
}
