package org.calibrate.rounds.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import org.calibrate.runtime.SealedText;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A piece's original text and the spans of its release review, kept apart from the piece: the original holds the
 * names scorers never see, so only the review reads it.
 */
@Entity
@Table(name = "piece_review")
public class PieceReview {
    @Id
    @Column(name = "piece_id")
    private String pieceId;
    @Convert(converter = SealedText.class)
    @Column(name = "original_text", nullable = false)
    private String originalText;
    @Column(nullable = false)
    private String spans;
    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    protected PieceReview() {
    }

    public PieceReview(String pieceId, String originalText, String spans) {
        this.pieceId = pieceId;
        this.originalText = originalText;
        this.spans = spans;
    }

    public void replace(String originalText, String spans) {
        this.originalText = originalText;
        this.spans = spans;
    }

    public void spans(String spans) {
        this.spans = spans;
    }

    public String pieceId() {
        return pieceId;
    }

    public String originalText() {
        return originalText;
    }

    public String spans() {
        return spans;
    }

    public long lockVersion() {
        return lockVersion;
    }
}
