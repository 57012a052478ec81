package org.calibrate.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.session.entity.AppUser;
import org.calibrate.session.entity.Course;

import java.time.Clock;

/** Records the person and course of a launch, each in its own short transaction. */
@ApplicationScoped
public class LaunchRecords {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** The ids of the person and course a launch belongs to. */
    public record Ids(String userId, String courseId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Ids record(LtiLaunch launch) {
        long platformId = launch.platform().id();
        AppUser user = em.createQuery("select u from AppUser u where u.platformId = :p and u.subject = :s", AppUser.class)
                .setParameter("p", platformId).setParameter("s", launch.subject())
                .getResultStream().findFirst().orElseGet(() -> {
                    AppUser u = new AppUser(platformId, launch.subject());
                    em.persist(u);
                    return u;
                });
        user.launched(launch.name(), launch.email(), clock.instant());
        Course course = em.createQuery("select c from Course c where c.platformId = :p and c.deploymentId = :d and c.contextId = :c", Course.class)
                .setParameter("p", platformId).setParameter("d", launch.deploymentId().value())
                .setParameter("c", launch.context().id())
                .getResultStream().findFirst().orElseGet(() -> {
                    Course c = new Course(platformId, launch.deploymentId().value(), launch.context().id());
                    em.persist(c);
                    return c;
                });
        course.launched(launch.context().title(), launch.context().label());
        return new Ids(user.id(), course.id());
    }
}
