package org.calibrate.rounds.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.allocation.control.Allocations;
import org.calibrate.calibration.control.Calibrations;
import org.calibrate.rounds.control.Members;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.control.Rounds;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;
import org.calibrate.session.entity.Course;

import java.util.List;
import java.util.Optional;

/** {@code /api/rounds}: the caller's rounds, setting one up, joining with a code, editing, and phase moves. */
@Path("rounds")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class RoundsResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Rounds rounds;
    @Inject
    Members members;
    @Inject
    Allocations allocations;
    @Inject
    Calibrations calibrations;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    public record QueueCount(long allocated, long submitted) {
    }

    public record CalibrationStatus(boolean required, int items, int done, boolean qualified) {
    }

    public record Listed(String id, String title, String phase, List<String> roles, String course, long pieces,
                        QueueCount my_queue, CalibrationStatus calibration) {
    }

    public record RoundList(List<Listed> rounds, boolean can_create) {
    }

    public static class NewRound {
        public String title;
        public String task;
        public String rubric_id;
    }

    public static class Join {
        public String code;
    }

    public static class Design {
        public Integer scorers_per_piece;
        public Boolean all_score_all;
        public Double multi_scored_share;
        public Boolean capacity_weighted;
        public String seed;
    }

    public static class CalibrationSettings {
        public Boolean required;
        public Double qualifying_agreement;
    }

    public static class Edit {
        public Long lock_version;
        public String title;
        public String task;
        public String rubric_id;
        public Design design;
        public CalibrationSettings calibration;
    }

    public static class PhaseMove {
        public Long lock_version;
        public String phase;
    }

    @GET
    public RoundList list() {
        RoundAccess.Caller caller = access.caller(session.principal());
        List<Listed> listed = rounds.mine(caller).stream().map(a -> {
            Round r = a.round();
            long pieces = em.createQuery("select count(p) from Piece p where p.roundId = :r and p.excludedReason is null", Long.class).setParameter("r", r.id()).getSingleResult();
            QueueCount queue = null;
            CalibrationStatus calibration = null;
            if (a.member().scorer()) {
                long allocated = em.createQuery("select count(s) from Seat s where s.memberId = :m", Long.class).setParameter("m", a.member().id()).getSingleResult();
                long submitted = em.createQuery("select count(s) from Score s, Seat t where s.memberId = :m and t.memberId = s.memberId"
                        + " and t.pieceId = s.pieceId and s.state = 'SUBMITTED'", Long.class).setParameter("m", a.member().id()).getSingleResult();
                queue = new QueueCount(allocated, submitted);
                int items = calibrations.items(r.id()).size();
                Calibrations.Result result = calibrations.result(r, a.member().id(), items);
                calibration = new CalibrationStatus(r.calibrationRequired(), items, result.attempted(), result.qualified());
            }
            return new Listed(r.id(), r.title(), r.phase().key(), RoundViews.roles(a.member()), courseTitle(r), pieces, queue, calibration);
        }).toList();
        return new RoundList(listed, true);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewRound body) {
        if (body == null) {
            throw ApiRefusal.invalid("Send the round's title, task and rubric.");
        }
        Round round = rounds.create(session.principal(), body.title, Optional.ofNullable(body.task), body.rubric_id);
        RoundAccess.Access a = access.member(round.id(), access.caller(session.principal()));
        return Response.status(201).entity(moderatorView(a)).build();
    }

    @POST
    @Path("join")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoundViews.RoundView join(Join body) {
        RoundAccess.Caller caller = access.caller(session.principal());
        Round round = rounds.join(caller, body == null ? null : body.code);
        return view(access.member(round.id(), caller));
    }

    @GET
    @Path("{id}")
    public RoundViews.RoundView get(@PathParam("id") String id) {
        return view(access.member(id, access.caller(session.principal())));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoundViews.RoundView edit(@PathParam("id") String id, Edit body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the round's lock_version with the changes.");
        }
        Design d = body.design == null ? new Design() : body.design;
        CalibrationSettings c = body.calibration == null ? new CalibrationSettings() : body.calibration;
        Long seed;
        try {
            seed = d.seed == null || d.seed.isBlank() ? null : Long.valueOf(d.seed.strip());
        } catch (NumberFormatException e) {
            throw ApiRefusal.invalid("The seed is a whole number.");
        }
        rounds.edit(a, body.lock_version, new Rounds.Changes(body.title, body.task, body.rubric_id, d.scorers_per_piece, d.all_score_all,
                d.multi_scored_share, d.capacity_weighted, seed, c.required, c.qualifying_agreement));
        em.flush();
        return moderatorView(a);
    }

    @POST
    @Path("{id}/phase")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoundViews.RoundView phase(@PathParam("id") String id, PhaseMove body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the round's lock_version and the phase to move to.");
        }
        Phase to = Phase.of(body.phase).orElseThrow(() -> ApiRefusal.invalid("Phases are setup, calibration, scoring, moderation and finalised."));
        rounds.move(a, body.lock_version, to);
        em.flush();
        return moderatorView(a);
    }

    private RoundViews.RoundView view(RoundAccess.Access a) {
        if (a.member().moderator()) {
            return moderatorView(a);
        }
        Round r = a.round();
        return RoundViews.scorer(r, a.member(), em.find(Rubric.class, r.rubricId()), courseTitle(r), calibrations.items(r.id()).size());
    }

    private RoundViews.RoundView moderatorView(RoundAccess.Access a) {
        Round r = a.round();
        long pieces = em.createQuery("select count(p) from Piece p where p.roundId = :r and p.excludedReason is null", Long.class).setParameter("r", r.id()).getSingleResult();
        return RoundViews.moderator(r, a.member(), em.find(Rubric.class, r.rubricId()), courseTitle(r), members.of(r.id()), pieces,
                allocations.summary(r).map(RoundViews.AllocationView::of).orElse(null), calibrations.items(r.id()).size());
    }

    private String courseTitle(Round r) {
        Course c = em.find(Course.class, r.courseId());
        return c == null ? null : c.title().orElse(c.label().orElse(null));
    }
}
