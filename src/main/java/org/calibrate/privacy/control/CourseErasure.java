package org.calibrate.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.entity.Course;

import java.util.List;

/**
 * A course's student data erased on an admin's request: every round's student work and links (as retention does),
 * then the course's roster. Each round in a transaction of its own, so a failure part-way leaves whole rounds erased
 * and the request can simply be made again.
 */
@ApplicationScoped
public class CourseErasure {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Erasure erasure;

    public record Erased(int rounds, int rosterEntries) {
    }

    public Erased erase(String courseId, String confirm, String actor) {
        Course course = em.find(Course.class, courseId);
        if (course == null) {
            throw ApiRefusal.notFound("No such course.");
        }
        String name = course.title().orElse(course.contextId());
        if (confirm == null || !confirm.strip().equals(name)) {
            throw ApiRefusal.invalid("Type the course's name exactly (\"" + name + "\") to confirm the erasure.");
        }
        List<String> rounds = em.createQuery("select r.id from ModerationRound r where r.courseId = :c", String.class).setParameter("c", courseId)
                .getResultList();
        for (String round : rounds) {
            erasure.eraseRound(round, actor, "course erased on request");
        }
        return new Erased(rounds.size(), erasure.removeRoster(courseId, actor));
    }
}
