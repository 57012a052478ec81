package org.calibrate.moderation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.calibrate.runtime.JsonText;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A piece's final score as recorded: a moderator's consensus or condition code (with the rationale), or, once
 * the round is finalised, the automatic outcome frozen with it.
 */
@Entity
@Table(name = "piece_resolution")
public class PieceResolution {
    public static final int MAX_RATIONALE = 8000;

    @Id
    @Column(name = "piece_id")
    private String pieceId;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Column(nullable = false)
    private String method;
    @Column(nullable = false)
    private boolean automatic;
    @Column(nullable = false)
    private String levels;
    @Column(name = "condition_code")
    private String conditionCode;
    private String rationale;
    @Column(name = "resolved_by")
    private String resolvedBy;
    @Column(name = "resolved_at", nullable = false)
    private Instant resolvedAt;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected PieceResolution() {
    }

    public PieceResolution(String pieceId, String roundId, Instant now) {
        this.pieceId = pieceId;
        this.roundId = roundId;
        this.resolvedAt = now;
        this.levels = "{}";
        this.method = ResolutionMethod.CONSENSUS.key();
    }

    /** A moderator's decision: levels (none for a condition code) and why. */
    public void decide(ResolutionMethod method, Map<String, Integer> levels, Optional<String> conditionCode, Optional<String> rationale,
                       String memberId, Instant now) {
        if (method.automatic()) {
            throw new IllegalArgumentException("A moderator records a consensus or a condition code.");
        }
        record(method, false, levels, conditionCode, rationale, memberId, now);
    }

    /** The automatic outcome, frozen when the round is finalised. */
    public void freeze(ResolutionMethod method, Map<String, Integer> levels, Optional<String> conditionCode, Instant now) {
        record(method, true, levels, conditionCode, Optional.empty(), null, now);
    }

    private void record(ResolutionMethod method, boolean automatic, Map<String, Integer> levels, Optional<String> conditionCode,
                        Optional<String> rationale, String memberId, Instant now) {
        if (rationale.map(r -> r.length() > MAX_RATIONALE).orElse(false)) {
            throw new IllegalArgumentException("The rationale may be at most " + MAX_RATIONALE + " characters.");
        }
        this.method = method.key();
        this.automatic = automatic;
        this.levels = JsonText.write(levels);
        this.conditionCode = conditionCode.orElse(null);
        this.rationale = rationale.map(String::strip).filter(r -> !r.isEmpty()).orElse(null);
        this.resolvedBy = memberId;
        this.resolvedAt = now;
    }

    public String auditText() {
        return method + " " + levels + (conditionCode == null ? "" : " condition " + conditionCode);
    }

    public String pieceId() {
        return pieceId;
    }

    public String roundId() {
        return roundId;
    }

    public ResolutionMethod method() {
        return ResolutionMethod.of(method).orElseThrow();
    }

    public boolean automatic() {
        return automatic;
    }

    public Map<String, Integer> levels() {
        return JsonText.levels(levels);
    }

    public Optional<String> conditionCode() {
        return Optional.ofNullable(conditionCode);
    }

    public Optional<String> rationale() {
        return Optional.ofNullable(rationale);
    }

    public Optional<String> resolvedBy() {
        return Optional.ofNullable(resolvedBy);
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public long lockVersion() {
        return lockVersion;
    }
}
