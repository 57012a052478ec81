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
import jakarta.ws.rs.core.Response;
import org.calibrate.moderation.control.Discussions;
import org.calibrate.moderation.control.Moderation;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.List;

/**
 * {@code /api/rounds/{id}/discussions}: a scorer's pieces in discussion once scoring ends, and each piece's thread
 * with the scores under labels (names only if the moderator revealed them). Moderators reach every piece.
 */
@Path("rounds/{id}/discussions")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class DiscussionsResource {
    /** Where a thread names colleagues on purpose: a scorer revealed by the moderator, a post's author. */
    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile("/scores/\\d+/name|/posts/\\d+/author");
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Discussions discussions;
    @Inject
    Moderation moderation;
    @Inject
    org.calibrate.anonymise.boundary.ScorerPayloads payloads;

    public record Listed(String code, String group, Integer spread, String state, int posts) {
    }

    public record DiscussionList(boolean open, boolean scorers_revealed, List<Listed> pieces) {
    }

    public record ThreadView(String code, String text, String group, Integer spread, String state, java.util.Map<String, String> criteria,
                             List<ModerationViews.ScoreDetail> scores, ModerationViews.FinalView final_score,
                             List<ModerationViews.PostView> posts, boolean open) {
    }

    public static class NewPost {
        public String body;
    }

    @GET
    public DiscussionList mine(@PathParam("id") String id) {
        RoundAccess.Access a = access.member(id, access.caller(session.principal()));
        return new DiscussionList(a.round().scoringEnded(), a.round().scorersRevealed(), discussions.mine(a).stream()
                .map(s -> new Listed(s.piece().code().value(), ModerationViews.key(s.standing().group()),
                        ModerationViews.spread(s.standing().spread()), ModerationViews.key(s.state()), s.posts()))
                .toList());
    }

    @GET
    @Path("{code}")
    public Response thread(@PathParam("id") String id, @PathParam("code") String code) {
        RoundAccess.Access a = access.member(id, access.caller(session.principal()));
        Discussions.Thread t = discussions.thread(a, code);
        return guarded(a, t.state().piece().id(), view(a, t), Response.Status.OK);
    }

    @POST
    @Path("{code}/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("id") String id, @PathParam("code") String code, NewPost body) {
        RoundAccess.Access a = access.member(id, access.caller(session.principal()));
        discussions.post(a, code, body == null ? null : body.body);
        Discussions.Thread t = discussions.thread(a, code);
        return guarded(a, t.state().piece().id(), view(a, t), Response.Status.CREATED);
    }

    /** A scorer's copy passes the leak guard (a post may name a student); a moderator's is theirs to see. */
    private Response guarded(RoundAccess.Access a, String pieceId, ThreadView view, Response.Status status) {
        if (a.member().moderator()) {
            return Response.status(status).entity(view).build();
        }
        return Response.status(status).entity(payloads.guardedJson(a, java.util.Optional.of(pieceId), view,
                path -> NAMED.matcher(path).matches()))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private ThreadView view(RoundAccess.Access a, Discussions.Thread t) {
        RubricDefinition rubric = moderation.rubric(a.round());
        Moderation.PieceState s = t.state();
        return new ThreadView(s.piece().code().value(), s.piece().text(), ModerationViews.key(s.standing().group()),
                ModerationViews.spread(s.standing().spread()), ModerationViews.key(s.state()),
                rubric.criterionNames(),
                t.voices().stream().map(v -> ModerationViews.ScoreDetail.of(v.label(), v.name().orElse(null), v.score(), rubric))
                        .map(d -> a.member().moderator() ? d : anonymous(d)).toList(),
                s.finalScore().map(ModerationViews.FinalView::of).orElse(null),
                t.posts().stream().map(p -> new ModerationViews.PostView(p.id(), p.author(), p.mine(), p.body(), p.postedAt().toString())).toList(),
                t.open());
    }

    /** To a scorer, another scorer is a label (and a name only when revealed); the member id would tie scores together across pieces. */
    private static ModerationViews.ScoreDetail anonymous(ModerationViews.ScoreDetail d) {
        return new ModerationViews.ScoreDetail(null, d.label(), d.name(), d.adjudication(), d.levels(), d.total(), d.caps(), d.condition_code(),
                d.rationale(), d.evidence(), d.flags(), d.suggested_condition(), d.flag_note(), d.descriptors(), d.submitted_at());
    }
}
