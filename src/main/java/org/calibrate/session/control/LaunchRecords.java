package org.calibrate.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.placement.control.Placements;
import org.calibrate.session.entity.AppUser;
import org.calibrate.session.entity.Course;

import java.time.Clock;
import java.util.Optional;

/** Records the person, course and placement of a launch, in one short transaction of its own. */
@ApplicationScoped
public class LaunchRecords {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    @Inject
    Placements placements;

    /** The ids of the person, course and placement a launch belongs to. */
    public record Ids(String userId, String courseId, Optional<String> placementId) {
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
        course.services(launch.services());
        Optional<String> placement = launch.resourceLink().map(link -> placements.forLaunch(course.id(), link, launch, user.id()).id());
        return new Ids(user.id(), course.id(), placement);
    }
}
