package org.calibrate.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A Moodle site's web-service access for one platform: its URL and the token, sealed with the data key. */
@Entity
@Table(name = "moodle_connection")
public class MoodleConnection {
    @Id
    @Column(name = "platform_id")
    private long platformId;
    @Column(name = "site_url", nullable = false)
    private String siteUrl;
    @Column(nullable = false)
    private String token;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    protected MoodleConnection() {
    }

    public MoodleConnection(long platformId, String siteUrl, String sealedToken, String updatedBy, Instant now) {
        this.platformId = platformId;
        set(siteUrl, sealedToken, updatedBy, now);
    }

    public final void set(String siteUrl, String sealedToken, String updatedBy, Instant now) {
        this.siteUrl = siteUrl;
        this.token = sealedToken;
        this.updatedBy = updatedBy;
        this.updatedAt = now;
    }

    public long platformId() {
        return platformId;
    }

    public String siteUrl() {
        return siteUrl;
    }

    public String sealedToken() {
        return token;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long lockVersion() {
        return lockVersion;
    }
}
