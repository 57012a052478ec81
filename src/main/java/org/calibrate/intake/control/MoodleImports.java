package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.calibrate.intake.entity.ImportJob;
import org.calibrate.intake.entity.ImportKind;
import org.calibrate.intake.moodle.AssignmentSummary;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Round;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.entity.Course;

import java.util.List;

/** A round's course in Moodle: its assignments for the moderator to pick from, and an import of one of them. */
@ApplicationScoped
public class MoodleImports {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    MoodleConnections connections;
    @Inject
    ImportJobs jobs;

    public List<AssignmentSummary> assignments(Round round) {
        try {
            return connections.client(round.platformId()).assignments(courseId(round));
        } catch (SourceFailure f) {
            throw new ApiRefusal(f.retryable() ? 503 : 409, "moodle_refused", f.getMessage());
        }
    }

    public ImportJob start(RoundAccess.Access a, long assignmentId, boolean drafts) {
        Round round = a.round();
        AssignmentSummary chosen = assignments(round).stream().filter(s -> s.id() == assignmentId).findFirst()
                .orElseThrow(() -> ApiRefusal.invalid("That assignment is not in this course's Moodle assignments."));
        String params = Json.createObjectBuilder().add("course", courseId(round)).add("assignment", assignmentId).add("drafts", drafts).build().toString();
        return jobs.create(a, ImportKind.MOODLE, "Moodle assignment " + chosen.name(), params);
    }

    /** Moodle's LTI 1.3 launches name the course by its id as the context id. */
    private long courseId(Round round) {
        Course course = em.find(Course.class, round.courseId());
        try {
            return Long.parseLong(course.contextId());
        } catch (NumberFormatException e) {
            throw new ApiRefusal(409, "not_moodle", "This course was not launched from Moodle (its context id is not a Moodle course id).");
        }
    }
}
