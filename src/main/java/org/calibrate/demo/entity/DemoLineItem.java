package org.calibrate.demo.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A column of the demo gradebook (an AGS line item). */
@Entity
@Table(name = "demo_line_item")
public class DemoLineItem {
    @Id
    private String id;
    @Column(name = "resource_link_id")
    private String resourceLinkId;
    @Column(nullable = false)
    private String label;
    @Column(name = "score_maximum", nullable = false)
    private double scoreMaximum;
    private String tag;
    @Column(name = "resource_id")
    private String resourceId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DemoLineItem() {
    }

    public DemoLineItem(String id, Optional<String> resourceLinkId, String label, double scoreMaximum,
                        Optional<String> tag, Optional<String> resourceId, Instant now) {
        this.id = id;
        this.resourceLinkId = resourceLinkId.orElse(null);
        this.label = label;
        this.scoreMaximum = scoreMaximum;
        this.tag = tag.orElse(null);
        this.resourceId = resourceId.orElse(null);
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public Optional<String> resourceLinkId() {
        return Optional.ofNullable(resourceLinkId);
    }

    public String label() {
        return label;
    }

    public double scoreMaximum() {
        return scoreMaximum;
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
