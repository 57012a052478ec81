package org.calibrate.launch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** The outcome of one launch from a registered platform: what an admin reads to see why launches fail. */
@Entity
@Table(name = "launch_event")
public class LaunchEvent {
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    @Id
    @SequenceGenerator(name = "launch_event_seq", sequenceName = "launch_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "launch_event_seq")
    private Long id;
    @Column(name = "platform_id")
    private Long platformId;
    private String issuer;
    @Column(nullable = false)
    private String outcome;
    private String reason;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected LaunchEvent() {
    }

    public LaunchEvent(Long platformId, String issuer, String outcome, String reason, Instant occurredAt) {
        this.platformId = platformId;
        this.issuer = issuer;
        this.outcome = outcome;
        this.reason = reason == null || reason.length() <= 1024 ? reason : reason.substring(0, 1024);
        this.occurredAt = occurredAt;
    }

    public Long platformId() {
        return platformId;
    }

    public String outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
