package org.calibrate.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person known from launches, per platform. Name and email only when the platform shares them. */
@Entity
@Table(name = "app_user")
public class AppUser {
    @Id
    private String id;
    @Column(name = "platform_id", nullable = false)
    private long platformId;
    @Column(nullable = false)
    private String subject;
    private String name;
    private String email;
    @Column(name = "last_launch_at", nullable = false)
    private Instant lastLaunchAt;

    protected AppUser() {
    }

    public AppUser(long platformId, String subject) {
        this.id = UUID.randomUUID().toString();
        this.platformId = platformId;
        this.subject = subject;
    }

    /** The platform's latest word on the person wins; absent claims keep what we had. */
    public void launched(Optional<String> name, Optional<String> email, Instant now) {
        name.ifPresent(n -> this.name = n);
        email.ifPresent(e -> this.email = e);
        this.lastLaunchAt = now;
    }

    public String id() {
        return id;
    }

    public long platformId() {
        return platformId;
    }

    public String subject() {
        return subject;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }
}
