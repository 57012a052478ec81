package org.calibrate.rubrics.entity;

/** Normalisation shared by the rubric records. */
final class Texts {
    private Texts() {
    }

    /** Absent and empty optional texts mean the same; one form keeps JSON and CSV round trips equal. */
    static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
