package org.calibrate.intake.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.intake.control.ImportJobs;
import org.calibrate.intake.control.MoodleImports;
import org.calibrate.intake.control.AssetImports;
import org.calibrate.intake.control.IntakePolicy;
import org.calibrate.intake.control.Uploads;
import org.calibrate.intake.entity.ImportItem;
import org.calibrate.intake.entity.ImportJob;
import org.calibrate.intake.entity.ImportKind;
import org.calibrate.rounds.control.Pieces;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/rounds/{id}/imports}: moderators bring submissions into a round in setup — the demo LMS's
 * assignment, one student's files — and watch each import's progress and per-submission outcome. Never a name:
 * items are shown by position, outcome and the piece's code.
 */
@Path("rounds/{id}/imports")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ImportsResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    ImportJobs jobs;
    @Inject
    Uploads uploads;
    @Inject
    IntakePolicy policy;
    @Inject
    MoodleImports moodle;
    @Inject
    AssetImports assets;
    @Inject
    Pieces pieces;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    public record JobView(String id, String kind, String label, String state, int total, int finished, int added, int updated,
                          int unchanged, int failed, String message, int attempts, String created_at, String updated_at, String finished_at,
                          long lock_version) {
        static JobView of(ImportJob j) {
            return new JobView(j.id(), j.kind().key(), j.label(), j.state().name().toLowerCase(java.util.Locale.ROOT), j.total(), j.finished(),
                    j.added(), j.updated(), j.unchanged(), j.failed(), j.message().orElse(null), j.attempts(), j.createdAt().toString(),
                    j.updatedAt().toString(), j.finishedAt().map(Object::toString).orElse(null), j.lockVersion());
        }
    }

    public record JobList(List<JobView> imports, long max_file_bytes, long max_import_bytes) {
    }

    public record ItemView(int position, String state, String reason, String piece) {
    }

    public record JobDetail(JobView job, List<ItemView> items) {
    }

    @GET
    public JobList list(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return new JobList(jobs.of(a.round().id()).stream().map(JobView::of).toList(), policy.maxFileBytes(), policy.maxImportBytes());
    }

    @GET
    @Path("{job}")
    public JobDetail one(@PathParam("id") String id, @PathParam("job") String jobId) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        ImportJob job = jobs.find(a.round().id(), jobId).orElseThrow(() -> ApiRefusal.notFound("No such import in this round."));
        Map<String, String> codes = new HashMap<>();
        for (Object[] r : em.createQuery("select p.id, p.code from ImportItem i, Piece p where i.jobId = :j and p.id = i.pieceId", Object[].class)
                .setParameter("j", job.id()).getResultList()) {
            codes.put((String) r[0], (String) r[1]);
        }
        List<ItemView> items = jobs.items(job.id()).stream().map(i -> new ItemView(i.position() + 1, i.state().name().toLowerCase(java.util.Locale.ROOT),
                i.reason().orElse(null), i.pieceId().map(codes::get).orElse(null))).toList();
        return new JobDetail(JobView.of(job), items);
    }

    public record Learner(String user_id, String name) {
    }

    public record Learners(List<Learner> learners) {
    }

    /** The roster's students, for a moderator handing in one student's work: the one list of students' names this API gives. */
    @GET
    @Path("learners")
    public Learners learners(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return new Learners(em.createQuery("select m from RosterMember m where m.courseId = :c order by m.familyName, m.givenName, m.userId",
                        org.calibrate.roster.entity.RosterMember.class).setParameter("c", a.round().courseId()).setMaxResults(5000).getResultList()
                .stream().filter(org.calibrate.roster.entity.RosterMember::learns).map(m -> new Learner(m.userId(), m.name().orElse(null))).toList());
    }

    @POST
    @Path("demo")
    public Response demo(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        pieces.requireDemoCourse(a.round());
        ImportJob job = jobs.create(a, ImportKind.DEMO, "The demo LMS's sample assignment", "{}");
        return Response.status(202).entity(JobView.of(job)).build();
    }

    /** One student's file, as the request body; the student chosen from the roster by LMS user id, or none. */
    @POST
    @Path("upload")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") String id, @QueryParam("name") String name, @QueryParam("learner") String learner,
                           @QueryParam("origin") String origin, InputStream body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        ImportJob job = uploads.file(a, name, Optional.ofNullable(learner).filter(l -> !l.isBlank()),
                Optional.ofNullable(origin).filter(o -> !o.isBlank()), body);
        return Response.status(202).entity(JobView.of(job)).build();
    }

    /** An LMS's "download all submissions" ZIP (Moodle or Canvas), as the request body. */
    @POST
    @Path("zip")
    @Consumes(MediaType.WILDCARD)
    public Response zip(@PathParam("id") String id, @QueryParam("name") String name, InputStream body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return Response.status(202).entity(JobView.of(uploads.zip(a, name, body))).build();
    }

    public record AssignmentView(long id, String name, String due, boolean team) {
    }

    public record Assignments(List<AssignmentView> assignments) {
    }

    public static class MoodleBody {
        public Long assignment_id;
        public Boolean drafts;
    }

    /** The course's Moodle assignments (through the platform's web-service token), for the moderator to pick one. */
    @GET
    @Path("moodle/assignments")
    public Assignments moodleAssignments(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return new Assignments(moodle.assignments(a.round()).stream()
                .map(s -> new AssignmentView(s.id(), s.name(), s.due().map(Object::toString).orElse(null), s.team())).toList());
    }

    @POST
    @Path("moodle")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response moodle(@PathParam("id") String id, MoodleBody body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.assignment_id == null) {
            throw ApiRefusal.invalid("Send the Moodle assignment's id (assignment_id).");
        }
        return Response.status(202).entity(JobView.of(moodle.start(a, body.assignment_id, Boolean.TRUE.equals(body.drafts)))).build();
    }

    public record ActivityView(String id, String title, long students, String latest_at) {
    }

    public record AssetsView(boolean offered, String handler_registered_at, List<ActivityView> activities) {
        static AssetsView of(AssetImports.State s) {
            return new AssetsView(s.offered(), s.handlerRegisteredAt().map(Object::toString).orElse(null), s.activities().stream()
                    .map(x -> new ActivityView(x.id(), x.title().orElse(null), x.students(), x.latest().toString())).toList());
        }
    }

    public static class AssetBody {
        public String activity_id;
    }

    /** The LMS as an Asset Processor platform: whether it offers notices, the handler, the activities it sent submissions for. */
    @GET
    @Path("assets")
    public AssetsView assets(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return AssetsView.of(assets.state(a.round()));
    }

    /** Registers Calibrate's notice handler with the LMS, so that it sends each submission as it is handed in. */
    @POST
    @Path("assets/handler")
    public AssetsView registerHandler(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return AssetsView.of(assets.registerHandler(a));
    }

    @POST
    @Path("assets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importAssets(@PathParam("id") String id, AssetBody body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.activity_id == null || body.activity_id.isBlank()) {
            throw ApiRefusal.invalid("Send the LMS activity's id (activity_id).");
        }
        return Response.status(202).entity(JobView.of(assets.start(a, body.activity_id))).build();
    }

    @POST
    @Path("{job}/resume")
    public JobView resume(@PathParam("id") String id, @PathParam("job") String jobId) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return JobView.of(jobs.resume(a, jobId));
    }
}
