package org.calibrate.allocation.entity;

import java.util.Set;

/**
 * A piece as the allocator sees it: its code and the classes (course sections, groups) its student
 * belongs to, so teachers of those classes are kept off it.
 */
public record AllocationPiece(String code, Set<String> origins) {
    public AllocationPiece {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a piece needs a code");
        }
        origins = Set.copyOf(origins);
    }
}
