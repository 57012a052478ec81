package org.calibrate.roster.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.platform.control.ServiceFailure;
import org.calibrate.roster.control.Rosters;
import org.calibrate.roster.entity.RosterMember;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;
import org.calibrate.session.entity.Course;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * {@code /api/course/roster}: the session's course roster as the platform reports it. Teachers are
 * listed by name (they are the possible scorers); learners only counted — their names stay on the
 * server for the anonymiser.
 */
@Path("course/roster")
@RequestScoped
@Authenticated
public class RosterResource {
    @Inject
    Rosters rosters;
    @Inject
    CurrentSession session;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    public record Teacher(String user_id, String name, String email) {
    }

    public record RosterView(boolean service_offered, String synced_at, List<Teacher> teachers, long learner_count,
                             Integer members_read, Integer pages, Boolean incremental) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RosterView roster() {
        return view(null);
    }

    @POST
    @Path("sync")
    @Produces(MediaType.APPLICATION_JSON)
    public RosterView sync() {
        try {
            return view(rosters.sync(session.principal().courseId(), "user:" + session.principal().userId()));
        } catch (ServiceFailure e) {
            throw new ApiRefusal(e.status() == 409 ? 409 : 502, "roster_unavailable", "The course roster could not be read: " + e.getMessage() + ".");
        }
    }

    private RosterView view(Rosters.Sync sync) {
        Course course = em.find(Course.class, session.principal().courseId());
        List<RosterMember> members = rosters.members(course.id());
        List<Teacher> teachers = members.stream().filter(RosterMember::active).filter(RosterMember::teaches)
                .map(m -> new Teacher(m.userId(), m.name().orElse(null), m.email().orElse(null))).toList();
        long learners = members.stream().filter(RosterMember::active).filter(RosterMember::learns).count();
        return new RosterView(course.membershipsUrl().isPresent(), course.rosterSyncedAt().map(Object::toString).orElse(null),
                teachers, learners, sync == null ? null : sync.membersRead(), sync == null ? null : sync.pages(),
                sync == null ? null : sync.incremental());
    }
}
