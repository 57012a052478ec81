package org.calibrate.placement.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.placement.entity.Placement;

import java.time.Clock;
import java.util.Optional;

/** Finds the placement of a resource link launch, binding the one deep linking made or creating one. */
@ApplicationScoped
public class Placements {
    /** The custom parameter a deep-linked resource link carries back on every launch. */
    public static final String CUSTOM_PLACEMENT = "calibrate_placement";
    /** Moodle's default grade maximum, for activities an LMS made without deep linking. */
    static final double DEFAULT_SCORE_MAXIMUM = 100;

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /**
     * Called inside the launch's transaction. A placement the LMS made without deep linking is owned by
     * the first teacher who opens it, as one made by deep linking is owned by the teacher who placed it.
     */
    public Placement forLaunch(String courseId, LtiLaunch.ResourceLink link, LtiLaunch launch, String userId) {
        Placement placement = byResourceLink(courseId, link.id()).orElseGet(() -> adopt(courseId, link, launch, userId));
        launch.services().lineItemUrl().ifPresent(placement::lineItem);
        return placement;
    }

    private Placement adopt(String courseId, LtiLaunch.ResourceLink link, LtiLaunch launch, String userId) {
        Optional<Placement> made = Optional.ofNullable(launch.custom().get(CUSTOM_PLACEMENT))
                .flatMap(this::find)
                .filter(p -> p.courseId().equals(courseId));
        if (made.isPresent() && made.get().resourceLinkId().isEmpty()) {
            made.get().bind(link.id());
            return made.get();
        }
        // A copy of a deep-linked activity (duplicated in the course) keeps its settings but is a placement of its own.
        Placement placement = new Placement(courseId,
                made.map(Placement::title).or(link::title).orElse("Calibrate"),
                made.flatMap(Placement::description),
                made.map(Placement::scoreMaximum).orElse(DEFAULT_SCORE_MAXIMUM),
                launch.toolRole() == ToolRole.NONE ? Optional.empty() : Optional.of(userId), clock.instant());
        placement.bind(link.id());
        em.persist(placement);
        return placement;
    }

    public Optional<Placement> find(String id) {
        return id == null || id.length() > 36 ? Optional.empty() : Optional.ofNullable(em.find(Placement.class, id));
    }

    private Optional<Placement> byResourceLink(String courseId, String resourceLinkId) {
        return em.createQuery("select p from Placement p where p.courseId = :c and p.resourceLinkId = :r", Placement.class)
                .setParameter("c", courseId).setParameter("r", resourceLinkId).getResultStream().findFirst();
    }

    public void create(Placement placement) {
        em.persist(placement);
    }
}
