package org.calibrate.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The last allocation of a round: its seed, what it kept, what it avoided and what it could not place. */
@Entity
@Table(name = "allocation_run")
public class AllocationRun {
    @Id
    @Column(name = "round_id")
    private String roundId;
    @Column(nullable = false)
    private long seed;
    @Column(name = "conflicts_avoided", nullable = false)
    private int conflictsAvoided;
    @Column(nullable = false)
    private int kept;
    @Column(nullable = false)
    private String unallocated;
    @Column(name = "run_by", nullable = false)
    private String runBy;
    @Column(name = "run_at", nullable = false)
    private Instant runAt;

    protected AllocationRun() {
    }

    public AllocationRun(String roundId) {
        this.roundId = roundId;
    }

    public void ran(long seed, int conflictsAvoided, int kept, String unallocatedJson, String runBy, Instant at) {
        this.seed = seed;
        this.conflictsAvoided = conflictsAvoided;
        this.kept = kept;
        this.unallocated = unallocatedJson;
        this.runBy = runBy;
        this.runAt = at;
    }

    public String roundId() {
        return roundId;
    }

    public long seed() {
        return seed;
    }

    public int conflictsAvoided() {
        return conflictsAvoided;
    }

    public int kept() {
        return kept;
    }

    public String unallocatedJson() {
        return unallocated;
    }

    public Instant runAt() {
        return runAt;
    }
}
