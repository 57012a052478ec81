/**
 * Rubrics as plain values: criteria × score points with descriptors and caps, the rules a rubric must
 * keep, JSON and spreadsheet (CSV) import/export, the check of one scorer's levels, and the shipped rubrics.
 */
package org.calibrate.rubrics;
