package org.calibrate.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.calibrate.launch.entity.LtiLaunch;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    @Column(name = "memberships_url")
    private String membershipsUrl;
    @Column(name = "line_items_url")
    private String lineItemsUrl;
    @Column(name = "ags_scopes")
    private String agsScopes;
    @Column(name = "roster_synced_at")
    private Instant rosterSyncedAt;
    @Column(name = "roster_differences_url")
    private String rosterDifferencesUrl;
    @Column(name = "notice_service_url")
    private String noticeServiceUrl;
    @Column(name = "notice_handler_at")
    private Instant noticeHandlerAt;

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

    /** The latest launch's word on the course's services wins: platforms may move them (a restored course, a new type id). */
    public void services(LtiLaunch.Services services) {
        services.membershipsUrl().ifPresent(u -> this.membershipsUrl = u.toString());
        services.noticeServiceUrl().ifPresent(u -> this.noticeServiceUrl = u.toString());
        services.lineItemsUrl().ifPresent(u -> {
            this.lineItemsUrl = u.toString();
            this.agsScopes = String.join(" ", new TreeSet<>(services.agsScopes()));
        });
    }

    public Optional<URI> membershipsUrl() {
        return Optional.ofNullable(membershipsUrl).map(URI::create);
    }

    public Optional<URI> lineItemsUrl() {
        return Optional.ofNullable(lineItemsUrl).map(URI::create);
    }

    public Set<String> agsScopes() {
        return agsScopes == null || agsScopes.isBlank() ? Set.of() : Set.of(agsScopes.split(" "));
    }

    /** Where the platform takes notice handlers (Platform Notification Service), if it sends Asset Processor notices. */
    public Optional<URI> noticeServiceUrl() {
        return Optional.ofNullable(noticeServiceUrl).map(URI::create);
    }

    public Optional<Instant> noticeHandlerAt() {
        return Optional.ofNullable(noticeHandlerAt);
    }

    public void noticeHandlerRegistered(Instant at) {
        this.noticeHandlerAt = at;
    }

    public Optional<Instant> rosterSyncedAt() {
        return Optional.ofNullable(rosterSyncedAt);
    }

    public Optional<URI> rosterDifferencesUrl() {
        return Optional.ofNullable(rosterDifferencesUrl).map(URI::create);
    }

    public void rosterSynced(Instant at, Optional<URI> differences) {
        this.rosterSyncedAt = at;
        this.rosterDifferencesUrl = differences.map(URI::toString).orElse(null);
    }

    public long platformId() {
        return platformId;
    }

    public String deploymentId() {
        return deploymentId;
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
