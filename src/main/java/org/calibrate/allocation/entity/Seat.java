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
    public static final String SCORING = "scoring";
    public static final String ADJUDICATION = "adjudication";

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
    @Column(nullable = false)
    private String kind;

    protected Seat() {
    }

    public Seat(String roundId, String pieceId, String memberId, int position) {
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.pieceId = pieceId;
        this.memberId = memberId;
        this.position = position;
        this.kind = SCORING;
    }

    /** A third scorer's seat on a discrepant piece, at the end of their queue; the allocator never moves it. */
    public static Seat adjudication(String roundId, String pieceId, String memberId, int position) {
        Seat seat = new Seat(roundId, pieceId, memberId, position);
        seat.kind = ADJUDICATION;
        return seat;
    }

    public boolean adjudication() {
        return ADJUDICATION.equals(kind);
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
