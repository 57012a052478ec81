package org.calibrate.moderation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.moderation.control.Meetings;
import org.calibrate.moderation.control.Moderation;
import org.calibrate.moderation.entity.Reflection;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.List;
import java.util.Optional;

/**
 * {@code /api/rounds/{id}/meeting}: the moderation meeting's agenda (agreed work first, then discrepant), the
 * group's reflection, and whether scorers are revealed to one another. Moderators only.
 */
@Path("rounds/{id}/meeting")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class MeetingResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Meetings meetings;

    public record Item(String code, String group, Integer spread, String state, Integer point) {
    }

    public record ReflectionView(String task, String instruction, String criteria, String updated_at, Long lock_version) {
        static ReflectionView of(Optional<Reflection> r) {
            return r.map(x -> new ReflectionView(x.task().orElse(null), x.instruction().orElse(null), x.criteria().orElse(null),
                    x.updatedAt().toString(), x.lockVersion())).orElse(new ReflectionView(null, null, null, null, null));
        }
    }

    public record MeetingView(ModerationViews.RulesView rules, List<Item> agreed, List<Item> discrepant, ReflectionView reflection) {
    }

    public static class ReflectionBody {
        public Long lock_version;
        public String task;
        public String instruction;
        public String criteria;
    }

    public static class RevealBody {
        public Long lock_version;
        public Boolean revealed;
    }

    @GET
    public MeetingView get(@PathParam("id") String id) {
        RoundAccess.Access a = moderator(id);
        Meetings.Agenda agenda = meetings.agenda(a.round());
        return new MeetingView(ModerationViews.RulesView.of(a.round()), agenda.agreed().stream().map(MeetingResource::item).toList(),
                agenda.discrepant().stream().map(MeetingResource::item).toList(), ReflectionView.of(meetings.reflection(a.round())));
    }

    @PUT
    @Path("reflection")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReflectionView reflect(@PathParam("id") String id, ReflectionBody body) {
        RoundAccess.Access a = moderator(id);
        if (body == null) {
            throw ApiRefusal.invalid("Send the reflection.");
        }
        return ReflectionView.of(Optional.of(meetings.reflect(a, Optional.ofNullable(body.lock_version), Optional.ofNullable(body.task),
                Optional.ofNullable(body.instruction), Optional.ofNullable(body.criteria))));
    }

    @PUT
    @Path("reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModerationViews.RulesView reveal(@PathParam("id") String id, RevealBody body) {
        RoundAccess.Access a = moderator(id);
        if (body == null || body.lock_version == null || body.revealed == null) {
            throw ApiRefusal.invalid("Send the round's lock_version and revealed: true or false.");
        }
        return ModerationViews.RulesView.of(meetings.reveal(a, body.lock_version, body.revealed));
    }

    private static Item item(Moderation.PieceState s) {
        return new Item(s.piece().code().value(), ModerationViews.key(s.standing().group()),
                ModerationViews.spread(s.standing().spread()), ModerationViews.key(s.state()),
                s.finalScore().map(f -> f.levels().isEmpty() ? null : f.total()).orElse(null));
    }

    private RoundAccess.Access moderator(String id) {
        return access.moderator(id, access.caller(session.principal()));
    }
}
