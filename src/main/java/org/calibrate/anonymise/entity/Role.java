package org.calibrate.anonymise.entity;

/** The two course roles whose names matter in student work (LIS vocabulary: Learner, Instructor). */
public enum Role {
    LEARNER, INSTRUCTOR
}
