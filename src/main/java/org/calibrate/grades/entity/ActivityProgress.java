package org.calibrate.grades.entity;

/** AGS 2.0 §3.4.7 activityProgress: where the learner is with the activity. */
public enum ActivityProgress { Initialized, Started, InProgress, Submitted, Completed }
