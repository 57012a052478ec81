package org.calibrate.grades.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.grades.control.GradeOutbox;
import org.calibrate.grades.entity.OutboxItem;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.placement.control.Placements;
import org.calibrate.placement.entity.Placement;
import org.calibrate.roster.control.Rosters;
import org.calibrate.roster.entity.RosterMember;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;
import org.calibrate.session.entity.Course;
import org.calibrate.session.entity.SessionPrincipal;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /api/placement/grades}: grade return for the session's placement — the outbox with each
 * score's state, and new scores to send. Open to the teacher who set the placement up and to admins:
 * it names learners, which a scorer must never see.
 */
@Path("placement/grades")
@RequestScoped
@Authenticated
public class GradesResource {
    @Inject
    CurrentSession session;
    @Inject
    Placements placements;
    @Inject
    GradeOutbox outbox;
    @Inject
    Rosters rosters;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    public record Learner(String user_id, String name) {
    }

    public record ItemView(long id, String user_id, String learner_name, double score_given, double score_maximum,
                           String comment, String state, int attempts, String last_error, String next_attempt_at,
                           String sent_at, String created_at, long version) {
    }

    public record GradesView(String placement_id, String title, double score_maximum, boolean grade_service,
                             boolean line_item, List<Learner> learners, List<ItemView> items) {
    }

    public static class NewScore {
        public String user_id;
        public Double score_given;
        public String comment;
    }

    public static class Retry {
        public Long version;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public GradesView grades() {
        Placement placement = managedPlacement();
        Course course = em.find(Course.class, placement.courseId());
        Map<String, RosterMember> learners = learners(course.id());
        return new GradesView(placement.id(), placement.title(), placement.scoreMaximum(),
                placement.lineItemUrl().isPresent() || course.lineItemsUrl().isPresent(), placement.lineItemUrl().isPresent(),
                learners.values().stream().map(m -> new Learner(m.userId(), m.name().orElse(null))).toList(),
                outbox.forPlacement(placement.id()).stream().map(i -> view(i, learners)).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(NewScore body) {
        Placement placement = managedPlacement();
        if (body == null || body.user_id == null || body.score_given == null) {
            throw ApiRefusal.invalid("Name the learner (user_id) and the score (score_given).");
        }
        Map<String, RosterMember> learners = learners(placement.courseId());
        if (!learners.containsKey(body.user_id)) {
            throw ApiRefusal.invalid("This person is not an active learner in the course's roster. Sync the roster and try again.");
        }
        if (!(body.score_given >= 0) || body.score_given > placement.scoreMaximum()) {
            throw ApiRefusal.invalid("The score must be between 0 and " + placement.scoreMaximum() + ".");
        }
        if (body.comment != null && body.comment.length() > OutboxItem.MAX_COMMENT) {
            throw ApiRefusal.invalid("The comment is longer than " + OutboxItem.MAX_COMMENT + " characters.");
        }
        OutboxItem item = outbox.enqueue(placement, body.user_id, body.score_given, Optional.ofNullable(body.comment), actor());
        return Response.status(202).entity(view(item, learners)).build();
    }

    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ItemView retry(@PathParam("id") long id, Retry body) {
        Placement placement = managedPlacement();
        if (body == null || body.version == null) {
            throw ApiRefusal.invalid("Send the version of the grade you saw.");
        }
        try {
            return view(outbox.requeue(placement.id(), id, body.version, actor()), learners(placement.courseId()));
        } catch (NoSuchElementException e) {
            throw ApiRefusal.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiRefusal(409, "not_failed", e.getMessage());
        }
    }

    private Placement managedPlacement() {
        SessionPrincipal p = session.principal();
        Placement placement = p.placementId().flatMap(placements::find)
                .orElseThrow(() -> ApiRefusal.notFound("This session is not in a Calibrate placement; launch Calibrate from its activity in the course."));
        boolean manager = p.toolRole() == ToolRole.ADMIN || placement.createdBy().map(p.userId()::equals).orElse(false);
        if (!manager) {
            throw ApiRefusal.forbidden("Only the teacher who set up this placement, or an admin, returns its grades.");
        }
        return placement;
    }

    private Map<String, RosterMember> learners(String courseId) {
        return rosters.members(courseId).stream().filter(RosterMember::active).filter(RosterMember::learns)
                .collect(Collectors.toMap(RosterMember::userId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private String actor() {
        return "user:" + session.principal().userId();
    }

    private static ItemView view(OutboxItem i, Map<String, RosterMember> learners) {
        return new ItemView(i.id(), i.userId(), Optional.ofNullable(learners.get(i.userId())).flatMap(RosterMember::name).orElse(null),
                i.scoreGiven(), i.scoreMaximum(), i.comment().orElse(null), i.state().name().toLowerCase(), i.attempts(),
                i.lastError().orElse(null), i.nextAttemptAt().map(Object::toString).orElse(null),
                i.sentAt().map(Object::toString).orElse(null), i.createdAt().toString(), i.version());
    }
}
