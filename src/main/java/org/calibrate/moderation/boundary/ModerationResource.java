package org.calibrate.moderation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.exemplars.control.Exemplars;
import org.calibrate.exemplars.entity.Exemplar;
import org.calibrate.reports.control.RoundReports;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.moderation.control.Discussions;
import org.calibrate.moderation.control.Moderation;
import org.calibrate.moderation.control.Resolutions;
import org.calibrate.moderation.control.Standing;
import org.calibrate.moderation.entity.AdjacentRule;
import org.calibrate.moderation.entity.DiscrepantRule;
import org.calibrate.moderation.entity.GradeScale;
import org.calibrate.moderation.entity.PieceResolution;
import org.calibrate.moderation.entity.Tolerance;
import org.calibrate.rounds.control.Members;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Consent;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /api/rounds/{id}/moderation}: the discrepancy view for the round's moderators once scoring ends —
 * agreed work by score point, discrepant work by size of disagreement, overall or per criterion — a piece
 * beside every scorer's levels and notes, and the decisions that settle it.
 */
@Path("rounds/{id}/moderation")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ModerationResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Moderation moderation;
    @Inject
    Resolutions resolutions;
    @Inject
    Discussions discussions;
    @Inject
    Members members;
    @Inject
    AuditLog audit;
    @Inject
    Exemplars exemplars;
    @Inject
    RoundReports reports;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    public record Group(int point, List<ModerationViews.Summary> pieces) {
    }

    public record Counts(int pieces, int agreed, int discrepant, int single, int unscored, int waiting, int adjudicating, int settled,
                         int resolved) {
    }

    public record View(ModerationViews.RulesView rules, Map<String, String> criteria, String criterion, Map<String, String> scorers,
                       Counts counts, List<Group> agreed, List<ModerationViews.Summary> discrepant, List<ModerationViews.Summary> other) {
    }

    public record Adjudication(String scorer, String name, boolean scored) {
    }

    public record ResolutionView(String method, boolean automatic, Map<String, Integer> levels, String condition_code, String rationale,
                                 String resolved_by, String resolved_at, long lock_version) {
        static ResolutionView of(PieceResolution r, Map<String, String> names) {
            return new ResolutionView(r.method().key(), r.automatic(), r.levels(), r.conditionCode().orElse(null), r.rationale().orElse(null),
                    r.resolvedBy().map(m -> names.getOrDefault(m, "A moderator")).orElse(null), r.resolvedAt().toString(), r.lockVersion());
        }
    }

    public record FlagView(String id, String kind, String note, String raised_at, boolean acknowledged) {
    }

    public record Candidate(String id, String name) {
    }

    public record PieceDetail(String code, String text, String origin, String consent, String group, boolean exact, Integer spread,
                              String state, List<ModerationViews.CriterionStanding> criteria, List<ModerationViews.ScoreDetail> scores,
                              Adjudication adjudication, ResolutionView resolution, ModerationViews.FinalView final_score,
                              List<FlagView> flags, List<ModerationViews.PostView> posts, int exemplars, List<Candidate> third_scorers,
                              List<HistoryEntry> history) {
    }

    /** who: the member's name, or "Calibrate" for what the rules did. */
    public record HistoryEntry(String at, String who, String action, String detail) {
    }

    public static class RulesBody {
        public Long lock_version;
        public String tolerance;
        public String adjacent_rule;
        public String discrepant_rule;
        public String grade_scale;
        public Boolean grade_comment;
    }

    public static class ResolutionBody {
        public Long lock_version;
        public Map<String, Integer> levels;
        public String condition_code;
        public String rationale;
    }

    public static class AdjudicationBody {
        public String scorer_id;
    }

    public static class ConsentBody {
        public String consent;
    }

    public static class ExemplarBody {
        public String criterion;
        public Integer score_point;
        public String annotation;
        public String task;
        public String keep_until;
    }

    @GET
    public View view(@PathParam("id") String id, @QueryParam("criterion") String criterion) {
        Round round = moderator(id).round();
        requireEnded(round);
        RubricDefinition rubric = moderation.rubric(round);
        Optional<String> c = Optional.ofNullable(criterion).filter(x -> !x.isBlank());
        if (c.isPresent() && rubric.criterion(c.get()).isEmpty()) {
            throw ApiRefusal.invalid("The round's rubric has no criterion \"" + c.get() + "\".");
        }
        Map<Integer, List<ModerationViews.Summary>> agreed = new TreeMap<>(java.util.Comparator.reverseOrder());
        List<ModerationViews.Summary> discrepant = new ArrayList<>();
        List<ModerationViews.Summary> other = new ArrayList<>();
        List<Moderation.PieceState> states = moderation.pieces(round);
        for (Moderation.PieceState s : states) {
            Standing.Group group = s.standing().group();
            boolean exact = s.standing().exact();
            int spread = s.standing().spread();
            if (c.isPresent() && (group == Standing.Group.AGREED || group == Standing.Group.DISCREPANT)) {
                Standing.Criterion sc = s.standing().criterion(c.get());
                group = sc.agreed() ? Standing.Group.AGREED : Standing.Group.DISCREPANT;
                exact = sc.spread() == 0;
                spread = sc.spread();
            }
            ModerationViews.Summary summary = ModerationViews.summary(s, group, exact, spread);
            switch (group) {
                case AGREED -> agreed.computeIfAbsent(point(s, c), k -> new ArrayList<>()).add(summary);
                case DISCREPANT -> discrepant.add(summary);
                default -> other.add(summary);
            }
        }
        // Widest disagreement first; a blank beside a scored response (no spread) widest of all.
        discrepant.sort(java.util.Comparator.comparingInt((ModerationViews.Summary x) -> x.spread() == null ? Integer.MAX_VALUE : x.spread())
                .reversed().thenComparing(ModerationViews.Summary::code));
        int agreedCount = agreed.values().stream().mapToInt(List::size).sum();
        Counts counts = new Counts(states.size(), agreedCount, discrepant.size(),
                (int) states.stream().filter(s -> s.standing().group() == Standing.Group.SINGLE).count(),
                count(states, Moderation.State.UNSCORED), count(states, Moderation.State.WAITING), count(states, Moderation.State.ADJUDICATING),
                count(states, Moderation.State.SETTLED), count(states, Moderation.State.RESOLVED));
        return new View(ModerationViews.RulesView.of(round), rubric.criterionNames(), c.orElse(null), members.scorerNames(round.id()), counts,
                agreed.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList(), discrepant, other);
    }

    public record FairView(boolean estimated, String reason, Map<String, Map<String, Double>> pieces) {
    }

    /**
     * Every piece's levels adjusted for its scorers' severity (many-facet Rasch fair levels, two decimals), as
     * information beside the scores; they settle pieces only under a rule a moderator chose.
     */
    @GET
    @Path("fair")
    public FairView fair(@PathParam("id") String id) {
        Round round = moderator(id).round();
        requireEnded(round);
        RoundReports.Fair fair = reports.fair(round);
        Map<String, Map<String, Double>> pieces = new java.util.LinkedHashMap<>();
        fair.levels().forEach((code, levels) -> {
            Map<String, Double> two = new java.util.LinkedHashMap<>();
            levels.forEach((k, v) -> two.put(k, Math.round(v * 100) / 100.0));
            pieces.put(code, two);
        });
        return new FairView(fair.estimated(), fair.reason(), pieces);
    }

    @PUT
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModerationViews.RulesView rules(@PathParam("id") String id, RulesBody body) {
        RoundAccess.Access a = moderator(id);
        Round round = a.round();
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the round's lock_version with the rules.");
        }
        round.requireLockVersion(body.lock_version);
        Tolerance t = body.tolerance == null ? round.tolerance() : Tolerance.of(body.tolerance)
                .orElseThrow(() -> ApiRefusal.invalid("tolerance is exact or adjacent."));
        AdjacentRule ar = body.adjacent_rule == null ? round.adjacentRule() : AdjacentRule.of(body.adjacent_rule)
                .orElseThrow(() -> ApiRefusal.invalid("adjacent_rule is moderator, mean_up, higher, lower or fair."));
        DiscrepantRule dr = body.discrepant_rule == null ? round.discrepantRule() : DiscrepantRule.of(body.discrepant_rule)
                .orElseThrow(() -> ApiRefusal.invalid("discrepant_rule is moderator, third_scorer or fair."));
        GradeScale gs = body.grade_scale == null ? round.gradeScale() : GradeScale.of(body.grade_scale)
                .orElseThrow(() -> ApiRefusal.invalid("grade_scale is range or points."));
        try {
            round.moderationRules(t, ar, dr, gs, body.grade_comment == null ? round.gradeComment() : body.grade_comment, Instant.now(Clock.systemUTC()));
        } catch (IllegalStateException e) {
            throw new ApiRefusal(409, "round_finalised", e.getMessage());
        }
        audit.record("member:" + a.member().id(), "round.moderation-rules", "round:" + round.id(), "tolerance " + t.key() + ", adjacent " + ar.key() + ", discrepant " + dr.key()
                + ", scale " + gs.key() + ", comment " + round.gradeComment());
        em.flush();
        return ModerationViews.RulesView.of(round);
    }

    @GET
    @Path("pieces/{code}")
    public PieceDetail piece(@PathParam("id") String id, @PathParam("code") String code) {
        RoundAccess.Access a = moderator(id);
        requireEnded(a.round());
        return detail(a, code);
    }

    @PUT
    @Path("pieces/{code}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    public PieceDetail resolve(@PathParam("id") String id, @PathParam("code") String code, ResolutionBody body) {
        RoundAccess.Access a = moderator(id);
        if (body == null) {
            throw ApiRefusal.invalid("Send the levels and rationale, or a condition code.");
        }
        resolutions.decide(a, code, Optional.ofNullable(body.lock_version), body.levels == null ? Map.of() : body.levels,
                Optional.ofNullable(body.condition_code), Optional.ofNullable(body.rationale));
        return detail(a, code);
    }

    @DELETE
    @Path("pieces/{code}/resolution")
    public PieceDetail undo(@PathParam("id") String id, @PathParam("code") String code, @QueryParam("lock_version") Long lockVersion) {
        RoundAccess.Access a = moderator(id);
        if (lockVersion == null) {
            throw ApiRefusal.invalid("Send the lock_version of the decision you saw.");
        }
        resolutions.undo(a, code, lockVersion);
        return detail(a, code);
    }

    @POST
    @Path("pieces/{code}/adjudication")
    @Consumes(MediaType.APPLICATION_JSON)
    public PieceDetail adjudicate(@PathParam("id") String id, @PathParam("code") String code, AdjudicationBody body) {
        RoundAccess.Access a = moderator(id);
        resolutions.adjudicate(a, code, Optional.ofNullable(body == null ? null : body.scorer_id).filter(s -> !s.isBlank()));
        return detail(a, code);
    }

    @DELETE
    @Path("pieces/{code}/adjudication")
    public PieceDetail withdraw(@PathParam("id") String id, @PathParam("code") String code) {
        RoundAccess.Access a = moderator(id);
        resolutions.withdrawAdjudication(a, code);
        return detail(a, code);
    }

    @PUT
    @Path("pieces/{code}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    public PieceDetail consent(@PathParam("id") String id, @PathParam("code") String code, ConsentBody body) {
        RoundAccess.Access a = moderator(id);
        requireEnded(a.round());
        Consent consent = Consent.of(body == null ? null : body.consent)
                .orElseThrow(() -> ApiRefusal.invalid("consent is unknown, granted or declined."));
        resolutions.consent(a, code, consent);
        return detail(a, code);
    }

    /** Keeps the piece in the exemplar library for the round's task and rubric version. */
    @POST
    @Path("pieces/{code}/exemplars")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response keep(@PathParam("id") String id, @PathParam("code") String code, ExemplarBody body) {
        RoundAccess.Access a = moderator(id);
        if (body == null || body.score_point == null) {
            throw ApiRefusal.invalid("Send the score_point the exemplar illustrates and the annotation.");
        }
        Optional<LocalDate> keepUntil;
        try {
            keepUntil = Optional.ofNullable(body.keep_until).filter(k -> !k.isBlank()).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw ApiRefusal.invalid("keep_until is a date such as 2031-07-31.");
        }
        Exemplar e = exemplars.keep(a, code, new Exemplars.Choice(Optional.ofNullable(body.criterion).filter(c -> !c.isBlank()),
                body.score_point, body.annotation, Optional.ofNullable(body.task).filter(t -> !t.isBlank()), keepUntil));
        return Response.status(201).entity(new Kept(e.id(), e.task(), e.keepUntil().toString(), detail(a, code))).build();
    }

    public record Kept(String id, String task, String keep_until, PieceDetail piece) {
    }

    private PieceDetail detail(RoundAccess.Access a, String code) {
        Round round = a.round();
        Discussions.Thread t = discussions.thread(a, code);
        Moderation.PieceState s = t.state();
        RubricDefinition rubric = moderation.rubric(round);
        Map<String, String> names = new java.util.HashMap<>();
        members.of(round.id()).forEach(m -> names.put(m.id(), m.name().orElse("A member")));
        List<ModerationViews.ScoreDetail> scores = t.voices().stream().map(v -> ModerationViews.ScoreDetail.of(v.label(),
                v.name().orElse(names.get(v.memberId())), v.score(), rubric)).toList();
        Adjudication adjudication = s.adjudicationSeat().map(seat -> new Adjudication(seat.memberId(), names.get(seat.memberId()),
                s.adjudication().isPresent())).orElse(null);
        List<Candidate> candidates = List.of();
        if (s.adjudicationSeat().isEmpty() && s.scores().size() >= 2) {
            java.util.Set<String> scored = new java.util.HashSet<>();
            s.scores().forEach(x -> scored.add(x.memberId()));
            candidates = members.of(round.id()).stream().filter(RoundMember::scorer).filter(RoundMember::active)
                    .filter(m -> !scored.contains(m.id()))
                    .filter(m -> s.piece().origin().map(o -> !m.teaches().contains(o)).orElse(true))
                    .map(m -> new Candidate(m.id(), m.name().orElse("A scorer"))).toList();
        }
        return new PieceDetail(s.piece().code().value(), s.piece().text(), s.piece().origin().orElse(null), s.piece().consent().key(),
                ModerationViews.key(s.standing().group()), s.standing().exact(),
                ModerationViews.spread(s.standing().spread()), ModerationViews.key(s.state()),
                ModerationViews.CriterionStanding.of(s.standing()), scores, adjudication,
                s.resolution().map(r -> ResolutionView.of(r, names)).orElse(null), s.finalScore().map(ModerationViews.FinalView::of).orElse(null),
                s.flags().stream().map(f -> new FlagView(f.id(), f.kind(), f.note().orElse(null), f.raisedAt().toString(), f.acknowledgedAt().isPresent())).toList(),
                t.posts().stream().map(p -> new ModerationViews.PostView(p.id(), p.author(), p.mine(), p.body(), p.postedAt().toString())).toList(),
                s.exemplars(), candidates, moderation.history(round, s.piece().code()).stream().map(e -> new HistoryEntry(e.occurredAt().toString(),
                        e.actor().startsWith("member:") ? names.getOrDefault(e.actor().substring(7), "A former member") : "Calibrate",
                        e.action(), e.detail())).toList());
    }

    /** The score point an agreed piece is grouped under: its final level (or total), else the first scorer's. */
    private static int point(Moderation.PieceState s, Optional<String> criterion) {
        Map<String, Integer> levels = s.finalScore().map(f -> f.levels()).orElse(s.scores().get(0).content().levels());
        return criterion.map(k -> levels.getOrDefault(k, 0)).orElse(levels.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static int count(List<Moderation.PieceState> states, Moderation.State state) {
        return (int) states.stream().filter(s -> s.state() == state).count();
    }

    private RoundAccess.Access moderator(String id) {
        return access.moderator(id, access.caller(session.principal()));
    }

    static void requireEnded(Round round) {
        if (!round.scoringEnded()) {
            throw new ApiRefusal(409, "moderation_not_yet", "Moderation opens when the round moves to moderation: until then scores stay blind.");
        }
    }
}
