package org.calibrate.allocation.entity;

import java.util.Set;

/**
 * A scorer: an id, a stated capacity (relative weight of workload; 1 for an even share) and the
 * classes they teach.
 */
public record AllocationScorer(String id, int capacity, Set<String> teaches) {
    public AllocationScorer {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a scorer needs an id");
        }
        if (capacity < 1 || capacity > 1000) {
            throw new IllegalArgumentException("capacity must be between 1 and 1000, got " + capacity);
        }
        teaches = Set.copyOf(teaches);
    }

    public static AllocationScorer of(String id, String... teaches) {
        return new AllocationScorer(id, 1, Set.of(teaches));
    }

    public boolean conflictsWith(AllocationPiece piece) {
        return piece.origins().stream().anyMatch(teaches::contains);
    }
}
