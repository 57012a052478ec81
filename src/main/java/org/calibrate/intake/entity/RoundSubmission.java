package org.calibrate.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Which piece a source submission became in a round, and the fingerprint it had: importing again adds only what is new or changed. */
@Entity
@Table(name = "round_submission")
@IdClass(RoundSubmission.Key.class)
public class RoundSubmission {
    @Id
    @Column(name = "round_id")
    private String roundId;
    @Id
    @Column(name = "source_key")
    private String sourceKey;
    @Column(nullable = false)
    private String fingerprint;
    @Column(name = "piece_id", nullable = false)
    private String pieceId;
    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected RoundSubmission() {
    }

    public RoundSubmission(String roundId, String sourceKey, String fingerprint, String pieceId, Instant now) {
        this.roundId = roundId;
        this.sourceKey = sourceKey;
        this.fingerprint = fingerprint;
        this.pieceId = pieceId;
        this.importedAt = now;
    }

    public void changed(String fingerprint, Instant now) {
        this.fingerprint = fingerprint;
        this.importedAt = now;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String pieceId() {
        return pieceId;
    }

    public static class Key implements Serializable {
        public String roundId;
        public String sourceKey;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(roundId, k.roundId) && Objects.equals(sourceKey, k.sourceKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roundId, sourceKey);
        }
    }
}
