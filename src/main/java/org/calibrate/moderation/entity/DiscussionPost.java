package org.calibrate.moderation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One post in a disputed piece's discussion. Posts are kept as written: a discussion is a record. */
@Entity
@Table(name = "discussion_post")
public class DiscussionPost {
    public static final int MAX_BODY = 4000;

    @Id
    private String id;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Column(name = "piece_id", nullable = false)
    private String pieceId;
    @Column(name = "member_id", nullable = false)
    private String memberId;
    @Column(nullable = false)
    private String body;
    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    protected DiscussionPost() {
    }

    public DiscussionPost(String roundId, String pieceId, String memberId, String body, Instant now) {
        String b = body == null ? "" : body.strip();
        if (b.isEmpty() || b.length() > MAX_BODY) {
            throw new IllegalArgumentException("A post needs 1 to " + MAX_BODY + " characters.");
        }
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.pieceId = pieceId;
        this.memberId = memberId;
        this.body = b;
        this.postedAt = now;
    }

    public String id() {
        return id;
    }

    public String pieceId() {
        return pieceId;
    }

    public String memberId() {
        return memberId;
    }

    public String body() {
        return body;
    }

    public Instant postedAt() {
        return postedAt;
    }
}
