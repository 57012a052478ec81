package org.calibrate.allocation.entity;

import java.util.List;
import java.util.Map;

/**
 * The result: the scorers of each piece, each scorer's queue in its (randomised) order, and the
 * summary that explains it.
 *
 * @param unallocated pieces that could not get all their scorers, with the reason (never dropped silently)
 */
public record Allocation(Map<String, List<String>> scorersByPiece, Map<String, List<String>> queues,
                         Map<String, Integer> load, Map<String, Map<String, Integer>> pairCounts,
                         int conflictsAvoided, Map<String, String> unallocated) {
}
