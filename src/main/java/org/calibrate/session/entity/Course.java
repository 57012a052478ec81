package org.calibrate.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/** A course (LTI context) of one deployment, known from launches. */
@Entity
@Table(name = "course")
public class Course {
    @Id
    private String id;
    @Column(name = "platform_id", nullable = false)
    private long platformId;
    @Column(name = "deployment_id", nullable = false)
    private String deploymentId;
    @Column(name = "context_id", nullable = false)
    private String contextId;
    private String title;
    private String label;

    protected Course() {
    }

    public Course(long platformId, String deploymentId, String contextId) {
        this.id = UUID.randomUUID().toString();
        this.platformId = platformId;
        this.deploymentId = deploymentId;
        this.contextId = contextId;
    }

    public void launched(Optional<String> title, Optional<String> label) {
        title.ifPresent(t -> this.title = t);
        label.ifPresent(l -> this.label = l);
    }

    public String id() {
        return id;
    }

    public String contextId() {
        return contextId;
    }

    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }
}
