package org.calibrate.intake.moodle;

import java.time.Instant;
import java.util.Optional;

/**
 * One assignment of a course, as the teacher's picker shows it.
 *
 * @param id       the assignment instance id, what {@code mod_assign_get_submissions} takes
 * @param cmid     the course module id, what Moodle's URLs ({@code /mod/assign/view.php?id=}) show teachers
 * @param due      absent when the assignment has no due date (Moodle sends 0)
 * @param team     students submit in groups: one submission per group, keyed by the group
 */
public record AssignmentSummary(long id, long cmid, long courseId, String name, Optional<Instant> due, boolean team) {
    public AssignmentSummary {
        name = name == null ? "" : name;
        due = due == null ? Optional.empty() : due;
    }
}
