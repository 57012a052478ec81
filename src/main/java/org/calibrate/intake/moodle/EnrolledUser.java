package org.calibrate.intake.moodle;

import java.util.List;

/**
 * A course participant as far as intake needs one: the id and the groups. Moodle adds the full name
 * to every reply whatever was asked; it is dropped here, since scoring is blind and groups are enough.
 */
public record EnrolledUser(long id, List<MoodleGroup> groups) {
    public EnrolledUser {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
