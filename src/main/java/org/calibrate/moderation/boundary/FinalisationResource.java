package org.calibrate.moderation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.grades.entity.OutboxItem;
import org.calibrate.moderation.control.Finalisation;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Round;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.List;

/**
 * {@code /api/rounds/{id}/final}: what stands between the round and finalising, finalising it (final scores
 * frozen, grades queued for the gradebook), reopening it with a reason, and each student's grade on its way.
 * Moderators only: the grade list names students, the one place identities re-enter.
 */
@Path("rounds/{id}/final")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class FinalisationResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Finalisation finalisation;

    public record ReadinessView(int pieces, int settled, int resolved, List<String> waiting, List<String> adjudicating, List<String> unscored,
                                boolean ready, boolean gradebook) {
    }

    public record GradeView(String user_id, String name, double score_given, double score_maximum, String state, Integer attempts,
                            String last_error, String sent_at, Long item_id, Long version) {
        static GradeView of(Finalisation.Grade g) {
            OutboxItem i = g.item().orElse(null);
            return new GradeView(g.userId(), g.name().orElse(null), g.scoreGiven(), g.scoreMaximum(),
                    i == null ? "not_queued" : i.state().name().toLowerCase(java.util.Locale.ROOT), i == null ? null : i.attempts(),
                    i == null ? null : i.lastError().orElse(null), i == null ? null : i.sentAt().map(Object::toString).orElse(null),
                    i == null ? null : i.id(), i == null ? null : i.version());
        }
    }

    public record FinalView(ModerationViews.RulesView rules, ReadinessView readiness, List<GradeView> grades) {
    }

    public static class FinaliseBody {
        public Long lock_version;
        public Boolean return_grades;
    }

    public static class ReopenBody {
        public Long lock_version;
        public String reason;
    }

    public static class RetryBody {
        public Long version;
    }

    @GET
    public FinalView get(@PathParam("id") String id) {
        return view(moderator(id).round());
    }

    @POST
    @Path("finalise")
    @Consumes(MediaType.APPLICATION_JSON)
    public FinalView finalise(@PathParam("id") String id, FinaliseBody body) {
        RoundAccess.Access a = moderator(id);
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the round's lock_version.");
        }
        return view(finalisation.finalise(a, body.lock_version, body.return_grades == null || body.return_grades));
    }

    @POST
    @Path("reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public FinalView reopen(@PathParam("id") String id, ReopenBody body) {
        RoundAccess.Access a = moderator(id);
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the round's lock_version and the reason.");
        }
        return view(finalisation.reopen(a, body.lock_version, body.reason));
    }

    @POST
    @Path("grades/{item}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    public FinalView retry(@PathParam("id") String id, @PathParam("item") long item, RetryBody body) {
        RoundAccess.Access a = moderator(id);
        if (body == null || body.version == null) {
            throw ApiRefusal.invalid("Send the version of the grade you saw.");
        }
        finalisation.retry(a, item, body.version);
        return view(a.round());
    }

    private FinalView view(Round round) {
        ModerationResource.requireEnded(round);
        Finalisation.Readiness r = finalisation.readiness(round);
        return new FinalView(ModerationViews.RulesView.of(round), new ReadinessView(r.pieces(), r.settled(), r.resolved(), r.waiting(),
                r.adjudicating(), r.unscored(), r.ready(), r.gradebook()), finalisation.grades(round).stream().map(GradeView::of).toList());
    }

    private RoundAccess.Access moderator(String id) {
        return access.moderator(id, access.caller(session.principal()));
    }
}
