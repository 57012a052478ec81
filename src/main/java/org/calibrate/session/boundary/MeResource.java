package org.calibrate.session.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.deeplinking.control.DeepLinkingRequests;
import org.calibrate.placement.control.Placements;
import org.calibrate.platform.entity.Platform;
import org.calibrate.session.entity.AppUser;
import org.calibrate.session.entity.Course;
import org.calibrate.session.entity.SessionPrincipal;

import java.util.List;
import java.util.Locale;

/** {@code GET /api/me}: who the session belongs to, in which course and placement, with which role. */
@Path("me")
@RequestScoped
@Authenticated
public class MeResource {
    @Inject
    CurrentSession session;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Placements placements;
    @Inject
    DeepLinkingRequests deepLinking;

    public record User(String id, String name, String email) {
    }

    public record CourseView(String id, String title, String label) {
    }

    public record PlatformView(String issuer, String name) {
    }

    public record PlacementView(String id, String title, String description, double score_maximum, boolean grade_return) {
    }

    /** {@code processor}: the platform asks for Calibrate as an assignment's Asset Processor, not for an activity. */
    public record DeepLinkingView(String title, String text, boolean line_item, boolean processor) {
    }

    /**
     * @param purpose what the launch asked for: resource_link, deep_linking or submission_review
     */
    public record Me(User user, String tool_role, List<String> lti_roles, CourseView course, PlatformView platform,
                     String purpose, PlacementView placement, DeepLinkingView deep_linking, String for_user, String expires_at) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        SessionPrincipal p = session.principal();
        AppUser user = em.find(AppUser.class, p.userId());
        Course course = em.find(Course.class, p.courseId());
        Platform platform = em.find(Platform.class, p.platformId());
        return new Me(new User(user.id(), user.name().orElse(null), user.email().orElse(null)),
                p.toolRole().name().toLowerCase(Locale.ROOT), p.ltiRoles(),
                new CourseView(course.id(), course.title().orElse(null), course.label().orElse(null)),
                new PlatformView(platform.view().issuer().value(), platform.name().orElse(null)),
                p.purpose().name().toLowerCase(Locale.ROOT),
                p.placementId().flatMap(placements::find).map(pl -> new PlacementView(pl.id(), pl.title(),
                        pl.description().orElse(null), pl.scoreMaximum(), pl.lineItemUrl().isPresent() || course.lineItemsUrl().isPresent())).orElse(null),
                p.deepLinkingId().flatMap(deepLinking::find).map(d -> new DeepLinkingView(d.title, d.text, d.lineItems && !org.calibrate.deeplinking.control.DeepLinks.processorOnly(d),
                        org.calibrate.deeplinking.control.DeepLinks.processorOnly(d))).orElse(null),
                p.forUser().orElse(null),
                p.expiresAt().toString());
    }
}
