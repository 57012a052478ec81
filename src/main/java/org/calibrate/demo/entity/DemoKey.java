package org.calibrate.demo.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.calibrate.keys.entity.StoredRsaKey;

import java.time.Instant;

/** The demo LMS's signing key: the platform's key, not the tool's, and never in the tool's JWKS. */
@Entity
@Table(name = "demo_key")
public class DemoKey extends StoredRsaKey {
    protected DemoKey() {
    }

    public DemoKey(Instant now) {
        super(now);
    }
}
