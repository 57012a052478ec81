package org.calibrate.moderation.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GradeScaleTest {

    @Test
    void rangeMapsTheLowestTotalToZeroAsMoodleRubricsDo() {
        // Three criteria of 1–4: totals 3–12 onto 0–100.
        assertEquals(0.0, GradeScale.RANGE.grade(3, 3, 12, 100));
        assertEquals(100.0, GradeScale.RANGE.grade(12, 3, 12, 100));
        assertEquals(33.33, GradeScale.RANGE.grade(6, 3, 12, 100));
    }

    @Test
    void pointsTakeTheTotalAsAShareOfTheHighest() {
        assertEquals(25.0, GradeScale.POINTS.grade(3, 3, 12, 100));
        assertEquals(7.5, GradeScale.POINTS.grade(9, 3, 12, 10));
    }

    @Test
    void gradesStayWithinTheScale() {
        assertEquals(0.0, GradeScale.RANGE.grade(0, 3, 12, 100));
        assertEquals(10.0, GradeScale.POINTS.grade(20, 0, 12, 10));
        assertEquals(10.0, GradeScale.RANGE.grade(4, 4, 4, 10));
    }
}
