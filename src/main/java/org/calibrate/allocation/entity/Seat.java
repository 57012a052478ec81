package org.calibrate.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One scorer's place on one piece, at a position in that scorer's own randomised queue. */
@Entity
@Table(name = "seat")
public class Seat {
    @Id
    private String id;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Column(name = "piece_id", nullable = false)
    private String pieceId;
    @Column(name = "member_id", nullable = false)
    private String memberId;
    @Column(nullable = false)
    private int position;

    protected Seat() {
    }

    public Seat(String roundId, String pieceId, String memberId, int position) {
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.pieceId = pieceId;
        this.memberId = memberId;
        this.position = position;
    }

    public void position(int position) {
        this.position = position;
    }

    public String id() {
        return id;
    }

    public String roundId() {
        return roundId;
    }

    public String pieceId() {
        return pieceId;
    }

    public String memberId() {
        return memberId;
    }

    public int position() {
        return position;
    }
}
