package org.calibrate.privacy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.privacy.control.CourseErasure;
import org.calibrate.privacy.control.StudentData;
import org.calibrate.privacy.control.SubmissionRetention;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;
import org.calibrate.session.entity.Course;

import java.util.List;

/**
 * {@code /api/admin/privacy}: an admin's data-protection tasks — the courses Calibrate holds data of, erasing one
 * course's student data on request, and exporting everything held about one student.
 */
@Path("admin/privacy")
@RequestScoped
@Authenticated(ToolRole.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {
    @Inject
    CurrentSession session;
    @Inject
    CourseErasure courses;
    @Inject
    StudentData students;
    @Inject
    SubmissionRetention retention;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    public record CourseView(String id, long platform_id, String context_id, String title, long rounds, long erased_rounds, long roster) {
    }

    public record Courses(List<CourseView> courses) {
    }

    public static class ErasureBody {
        public String confirm;
    }

    public record ErasureView(int rounds, int roster_entries) {
    }

    @GET
    @Path("courses")
    public Courses list() {
        return new Courses(em.createQuery("select c from Course c order by c.platformId, c.contextId", Course.class).setMaxResults(2000).getResultList()
                .stream().map(c -> new CourseView(c.id(), c.platformId(), c.contextId(), c.title().orElse(null),
                        count("select count(r) from ModerationRound r where r.courseId = :c", c.id()),
                        count("select count(r) from ModerationRound r where r.courseId = :c and r.erasedAt is not null", c.id()),
                        count("select count(m) from RosterMember m where m.courseId = :c", c.id()))).toList());
    }

    /** Body: {@code confirm}, the course's name as shown, typed again. */
    @POST
    @Path("courses/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    public ErasureView erase(@PathParam("id") String id, ErasureBody body) {
        CourseErasure.Erased e = courses.erase(id, body == null ? null : body.confirm, actor());
        return new ErasureView(e.rounds(), e.rosterEntries());
    }

    public record RetentionView(int erased) {
    }

    /** Applies the retention of student work now rather than at the next hourly run. */
    @POST
    @Path("retention/run")
    public RetentionView retention() {
        return new RetentionView(retention.run(java.time.Instant.now()));
    }

    @GET
    @Path("students/{platform}/{user}")
    public Response export(@PathParam("platform") long platform, @PathParam("user") String user) {
        if (user == null || user.isBlank() || user.length() > 255) {
            throw ApiRefusal.invalid("Give the student's LMS user id.");
        }
        JsonObject data = students.export(platform, user, actor());
        return Response.ok(data.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"calibrate-student-data.json\"").build();
    }

    private long count(String jpql, String courseId) {
        return em.createQuery(jpql, Long.class).setParameter("c", courseId).getSingleResult();
    }

    private String actor() {
        return "user:" + session.principal().userId();
    }
}
