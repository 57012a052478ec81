package org.calibrate.intake.moodle;

/** A course group (Moodle's word for a class or section inside a course). */
public record MoodleGroup(long id, String name) {
    public MoodleGroup {
        name = name == null ? "" : name;
    }
}
