package org.calibrate.calibration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.calibrate.runtime.JsonText;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A practice piece of a round's calibration set: its text, the agreed level per criterion and the
 * annotation explaining why it earns that score. Also the anchor papers scorers consult while scoring.
 */
@Entity
@Table(name = "calibration_item")
public class CalibrationItem {
    public static final int MAX_ANNOTATION = 4000;

    @Id
    private String id;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String text;
    @Column(nullable = false)
    private String levels;
    private String annotation;
    @Column(name = "exemplar_id")
    private String exemplarId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CalibrationItem() {
    }

    public CalibrationItem(String roundId, int position, String text, Map<String, Integer> levels, Optional<String> annotation, Instant now) {
        if (text == null || text.isBlank() || text.length() > 100_000) {
            throw new IllegalArgumentException("A practice piece needs its text (at most 100,000 characters).");
        }
        if (annotation.map(a -> a.length() > MAX_ANNOTATION).orElse(false)) {
            throw new IllegalArgumentException("The annotation may be at most " + MAX_ANNOTATION + " characters.");
        }
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.position = position;
        this.text = text;
        this.levels = JsonText.write(levels);
        this.annotation = annotation.map(String::strip).filter(a -> !a.isEmpty()).orElse(null);
        this.createdAt = now;
    }

    /** Taken from the exemplar library: its levels were agreed in an earlier round. */
    public void fromExemplar(String exemplarId) {
        this.exemplarId = exemplarId;
    }

    public Optional<String> exemplarId() {
        return Optional.ofNullable(exemplarId);
    }

    public String id() {
        return id;
    }

    public String roundId() {
        return roundId;
    }

    public int position() {
        return position;
    }

    public String text() {
        return text;
    }

    public Map<String, Integer> levels() {
        return JsonText.levels(levels);
    }

    public Optional<String> annotation() {
        return Optional.ofNullable(annotation);
    }
}
