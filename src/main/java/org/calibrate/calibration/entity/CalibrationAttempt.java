package org.calibrate.calibration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.calibrate.runtime.JsonText;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A scorer's one try at a practice piece, and how it compared with the agreed score. */
@Entity
@Table(name = "calibration_attempt")
public class CalibrationAttempt {
    @Id
    private String id;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Column(name = "item_id", nullable = false)
    private String itemId;
    @Column(name = "member_id", nullable = false)
    private String memberId;
    @Column(nullable = false)
    private String levels;
    @Column(nullable = false)
    private String caps;
    @Column(nullable = false)
    private boolean exact;
    @Column(nullable = false)
    private boolean adjacent;
    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    protected CalibrationAttempt() {
    }

    public CalibrationAttempt(String roundId, String itemId, String memberId, Map<String, Integer> levels, Set<String> caps,
                              boolean exact, boolean adjacent, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.itemId = itemId;
        this.memberId = memberId;
        this.levels = JsonText.write(levels);
        this.caps = JsonText.write(caps.stream().sorted().toList());
        this.exact = exact;
        this.adjacent = adjacent;
        this.attemptedAt = now;
    }

    public String itemId() {
        return itemId;
    }

    public String memberId() {
        return memberId;
    }

    public Map<String, Integer> levels() {
        return JsonText.levels(levels);
    }

    public List<String> caps() {
        return JsonText.strings(caps);
    }

    public boolean exact() {
        return exact;
    }

    public boolean adjacent() {
        return adjacent;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }
}
