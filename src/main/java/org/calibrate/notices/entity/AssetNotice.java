package org.calibrate.notices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.calibrate.runtime.SealedText;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A submission notice as received, until a moderator imports it (and after, so a re-import finds it). Only
 * what finds it is in the clear — the platform, course and activity, a one-way key per student; whose work
 * it is and its files' names and addresses are in the sealed body.
 */
@Entity
@Table(name = "asset_notice")
public class AssetNotice {
    @Id
    private String id;
    @Column(name = "platform_id", nullable = false)
    private long platformId;
    @Column(name = "notice_id", nullable = false)
    private String noticeId;
    @Column(name = "deployment_id", nullable = false)
    private String deploymentId;
    @Column(name = "context_id", nullable = false)
    private String contextId;
    @Column(name = "activity_id", nullable = false)
    private String activityId;
    @Column(name = "activity_title")
    private String activityTitle;
    @Column(name = "submission_key", nullable = false)
    private String submissionKey;
    @Convert(converter = SealedText.class)
    @Column(name = "body", nullable = false)
    private String body;
    @Column(name = "notice_at", nullable = false)
    private Instant noticeAt;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected AssetNotice() {
    }

    public AssetNotice(long platformId, String noticeId, String deploymentId, String contextId, String activityId, Optional<String> activityTitle,
                       String submissionKey, String body, Instant noticeAt, Instant receivedAt) {
        this.id = UUID.randomUUID().toString();
        this.platformId = platformId;
        this.noticeId = noticeId;
        this.deploymentId = deploymentId;
        this.contextId = contextId;
        this.activityId = activityId;
        this.activityTitle = activityTitle.orElse(null);
        this.submissionKey = submissionKey;
        this.body = body;
        this.noticeAt = noticeAt;
        this.receivedAt = receivedAt;
    }

    public String id() {
        return id;
    }

    public long platformId() {
        return platformId;
    }

    public String noticeId() {
        return noticeId;
    }

    public String contextId() {
        return contextId;
    }

    public String activityId() {
        return activityId;
    }

    public Optional<String> activityTitle() {
        return Optional.ofNullable(activityTitle);
    }

    public String submissionKey() {
        return submissionKey;
    }

    /** The sealed part: see {@code NoticeBodies}. */
    public String body() {
        return body;
    }

    public Instant noticeAt() {
        return noticeAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
