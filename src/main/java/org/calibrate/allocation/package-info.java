/**
 * Allocation of pieces to blind scorers: each piece to the design's number of scorers, never to a
 * scorer who teaches the piece's class, with balanced workloads and evenly shared scorer pairs (which
 * is what lets the Rasch model estimate severity), deterministic for a seed and re-runnable without
 * touching work already scored. Framework-free.
 */
package org.calibrate.allocation;
