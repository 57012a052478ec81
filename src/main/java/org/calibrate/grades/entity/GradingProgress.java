package org.calibrate.grades.entity;

/** AGS 2.0 §3.4.8 gradingProgress: where grading is; Moodle keeps only FullyGraded scores as grades. */
public enum GradingProgress { FullyGraded, Pending, PendingManual, Failed, NotReady }
