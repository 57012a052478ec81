package org.calibrate.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * One signing key of the tool. Active until rotated out; then still published until
 * {@code publishedUntil}, so that platforms holding a cached JWKS, or a token signed just before
 * the rotation, keep verifying.
 */
@Entity
@Table(name = "tool_key")
public class ToolKey extends StoredRsaKey {
    @Column(name = "retired_at")
    private Instant retiredAt;
    @Column(name = "published_until")
    private Instant publishedUntil;

    protected ToolKey() {
    }

    private ToolKey(Instant now) {
        super(now);
    }

    public static ToolKey generate(Instant now) {
        return new ToolKey(now);
    }

    public void retire(Instant now, Duration overlap) {
        this.retiredAt = now;
        this.publishedUntil = now.plus(overlap);
    }

    public boolean active() {
        return retiredAt == null;
    }

    public boolean publishedAt(Instant now) {
        return retiredAt == null || (publishedUntil != null && now.isBefore(publishedUntil));
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public Instant publishedUntil() {
        return publishedUntil;
    }
}
