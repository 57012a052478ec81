/**
 * How reliable the scoring was, framework-free: agreement between scorers (exact/adjacent, Cohen's kappa,
 * Krippendorff's alpha, ICC) and the many-facet Rasch model that measures pieces, scorer severity and
 * criterion difficulty on one scale. Plain Java under {@code new}; definitions and citations in docs/statistics.md.
 */
package org.calibrate.stats;
