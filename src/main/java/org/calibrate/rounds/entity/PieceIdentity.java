package org.calibrate.rounds.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import org.calibrate.runtime.SealedText;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whose work a piece is. Read for grade return only; no scorer- or moderator-facing query touches it. */
@Entity
@Table(name = "piece_identity")
public class PieceIdentity {
    @Id
    @Column(name = "piece_id")
    private String pieceId;
    @Column(name = "platform_id", nullable = false)
    private long platformId;
    @Convert(converter = SealedText.class)
    @Column(name = "learner_subject", nullable = false)
    private String learnerSubject;

    protected PieceIdentity() {
    }

    public PieceIdentity(String pieceId, long platformId, String learnerSubject) {
        this.pieceId = pieceId;
        this.platformId = platformId;
        this.learnerSubject = learnerSubject;
    }

    public String pieceId() {
        return pieceId;
    }

    public long platformId() {
        return platformId;
    }

    public String learnerSubject() {
        return learnerSubject;
    }
}
