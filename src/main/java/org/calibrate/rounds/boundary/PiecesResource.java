package org.calibrate.rounds.boundary;

import org.calibrate.anonymise.boundary.ScorerPayloads;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.calibration.control.Calibrations;
import org.calibrate.calibration.entity.CalibrationItem;
import org.calibrate.rounds.control.Pieces;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Exclusion;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.PieceCode;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.scoring.control.Scoring;
import org.calibrate.scoring.entity.Score;
import org.calibrate.scoring.entity.ScoreContent;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /api/rounds/{id}/pieces}: moderators add and list the pieces (codes, origin, counts — never
 * the student); a scorer opens a piece allocated to them and saves their own score of it.
 */
@Path("rounds/{id}/pieces")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class PiecesResource {
    private static final int EXCERPT = 240;

    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Pieces pieces;
    @Inject
    Scoring scoring;
    @Inject
    Calibrations calibrations;
    @Inject
    ScorerPayloads payloads;
    @Inject
    org.calibrate.intake.control.ScorerFiles scorerFiles;
    @Inject
    org.calibrate.rounds.control.Reviews reviews;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    public static class NewPieceBody {
        public String text;
        public String origin;
    }

    public static class NewPieces {
        public List<NewPieceBody> pieces;
    }

    public record PieceRow(String code, String origin, int words, long scorers, long submitted, long flags, String source,
                           int attempt, boolean needs_check, String excluded, String excluded_note) {
    }

    public static class ExclusionBody {
        public String reason;
        public String note;
    }

    public record PieceList(List<PieceRow> pieces) {
    }

    public record Added(int added, long pieces) {
    }

    public record Anchor(String item, String excerpt) {
    }

    public record ScoreView(Map<String, Integer> levels, List<String> caps, String condition_code, List<String> flags,
                            String suggested_condition, String flag_note, String rationale, String evidence, String state,
                            long lock_version, String updated_at, String submitted_at) {
        public static ScoreView of(Score s) {
            ScoreContent c = s.content();
            return new ScoreView(c.levels(), List.copyOf(c.caps()), c.conditionCode().orElse(null), c.flagKeys(),
                    c.suggestedCondition().map(ScoreContent.SuggestedCondition::key).orElse(null), c.flagNote().orElse(null),
                    c.rationale().orElse(null), c.evidence().orElse(null), s.state().name().toLowerCase(java.util.Locale.ROOT),
                    s.lockVersion(), s.updatedAt().toString(), s.submittedAt().map(Object::toString).orElse(null));
        }
    }

    public record RubricRef(String id, int version) {
    }

    /** A file of the piece as scorers get it: rebuilt from the redacted content, or its pictures with names boxed out. */
    public record ScorerFile(int n, String media_type, int pages) {
    }

    public record WorkView(String code, int position, int allocated, String text, int words, boolean editable,
                           RubricRef rubric_ref, RubricDefinition rubric, Map<String, Map<String, List<Anchor>>> anchors,
                           ScoreView score, List<ScorerFile> files) {
    }

    public static class ScoreBody {
        public Long lock_version;
        public Map<String, Integer> levels;
        public List<String> caps;
        public String condition_code;
        public List<String> flags;
        public String suggested_condition;
        public String flag_note;
        public String rationale;
        public String evidence;
        public Boolean submit;
    }

    @GET
    public PieceList list(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        Map<String, long[]> counts = new HashMap<>();
        for (Object[] r : em.createQuery("select s.pieceId, count(s) from Seat s where s.roundId = :r and s.kind = 'scoring' group by s.pieceId", Object[].class)
                .setParameter("r", a.round().id()).getResultList()) {
            counts.computeIfAbsent((String) r[0], k -> new long[3])[0] = ((Number) r[1]).longValue();
        }
        for (Object[] r : em.createQuery("select s.pieceId, count(s) from Score s where s.roundId = :r and s.state = 'SUBMITTED' and s.adjudication = false group by s.pieceId", Object[].class)
                .setParameter("r", a.round().id()).getResultList()) {
            counts.computeIfAbsent((String) r[0], k -> new long[3])[1] = ((Number) r[1]).longValue();
        }
        for (Object[] r : em.createQuery("select f.pieceId, count(f) from PieceFlag f where f.roundId = :r group by f.pieceId", Object[].class)
                .setParameter("r", a.round().id()).getResultList()) {
            counts.computeIfAbsent((String) r[0], k -> new long[3])[2] = ((Number) r[1]).longValue();
        }
        return new PieceList(pieces.of(a.round().id()).stream().map(p -> {
            long[] c = counts.getOrDefault(p.id(), new long[3]);
            return row(p, c);
        }).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") String id, NewPieces body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.pieces == null) {
            throw ApiRefusal.invalid("Send {\"pieces\": [{\"text\": …, \"origin\": …}]}.");
        }
        List<Pieces.NewPiece> list = new ArrayList<>();
        for (NewPieceBody p : body.pieces) {
            if (p == null) {
                throw ApiRefusal.invalid("Every piece needs its text.");
            }
            list.add(new Pieces.NewPiece(p.text, Optional.ofNullable(p.origin), Optional.empty()));
        }
        List<Piece> added = pieces.add(a, list, Piece.Source.UPLOAD);
        return Response.status(201).entity(new Added(added.size(), pieces.of(a.round().id()).size())).build();
    }

    @POST
    @Path("demo")
    public Response addDemo(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        List<Piece> added = pieces.addDemo(a);
        return Response.status(201).entity(new Added(added.size(), pieces.of(a.round().id()).size())).build();
    }

    /** Leaves a piece out of the round with a reason (consent declined, wrong assignment, duplicate, unreadable, other). */
    @PUT
    @Path("{code}/exclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    public PieceRow exclude(@PathParam("id") String id, @PathParam("code") String code, ExclusionBody body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        Exclusion reason = Optional.ofNullable(body).map(b -> b.reason).flatMap(Exclusion::of)
                .orElseThrow(() -> ApiRefusal.invalid("Say why: consent_declined, wrong_assignment, duplicate, unreadable or other."));
        if (reason == Exclusion.OTHER && (body.note == null || body.note.isBlank())) {
            throw ApiRefusal.invalid("Say in a note why the piece is left out.");
        }
        return row(pieces.exclude(a, PieceCode.parse(code).orElseThrow(() -> ApiRefusal.notFound("No such piece in this round.")),
                Optional.of(reason), Optional.ofNullable(body.note)));
    }

    @DELETE
    @Path("{code}/exclusion")
    public PieceRow include(@PathParam("id") String id, @PathParam("code") String code) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return row(pieces.exclude(a, PieceCode.parse(code).orElseThrow(() -> ApiRefusal.notFound("No such piece in this round.")),
                Optional.empty(), Optional.empty()));
    }

    private static PieceRow row(Piece p) {
        return row(p, new long[3]);
    }

    /** A piece's row with its counts: scorers, submitted scores, flags. */
    private static PieceRow row(Piece p, long[] counts) {
        return new PieceRow(p.code().value(), p.origin().orElse(null), p.words(), counts[0], counts[1], counts[2], p.source(), p.attempt(),
                p.needsCheck(), p.excluded().map(Exclusion::key).orElse(null), p.excludedNote().orElse(null));
    }

    @GET
    @Path("{code}/work")
    public Response work(@PathParam("id") String id, @PathParam("code") String code) {
        RoundAccess.Access a = access.scorer(id, access.caller(session.principal()));
        Scoring.Work w = scoring.work(a, code);
        Rubric rubric = em.find(Rubric.class, a.round().rubricId());
        return payloads.guarded(a, Optional.of(w.piece().id()), new WorkView(w.piece().code().value(), w.position(), w.allocated(), w.piece().text(), w.piece().words(),
                w.editable(), new RubricRef(rubric.id(), rubric.version()), rubric.definition(),
                anchors(a.round().id(), rubric.definition()), w.score().map(ScoreView::of).orElse(null),
                scorerFiles.files(w.piece().id()).stream().filter(f -> f.scorerBlobId().isPresent())
                        .map(f -> new ScorerFile(f.position(), f.scorerMediaType().orElseThrow(), f.scorerPages())).toList()));
    }

    /**
     * One file of the piece as scorers get it — never the student's original: for the piece's scorers (a seat on it)
     * and the round's moderators. Served inert: its exact type, no sniffing, sandboxed, not cached.
     */
    @GET
    @Path("{code}/files/{n}")
    @Produces(MediaType.WILDCARD)
    public Response scorerFile(@PathParam("id") String id, @PathParam("code") String code, @PathParam("n") int n) {
        RoundAccess.Access a = access.member(id, access.caller(session.principal()));
        Piece piece = a.member().moderator() ? reviews.piece(a.round(), PieceCode.parse(code).orElseThrow(() -> ApiRefusal.notFound("No such piece in this round."))) : scoring.work(access.scorer(id, access.caller(session.principal())), code).piece();
        org.calibrate.intake.entity.PieceFile f = scorerFiles.file(piece.id(), n).filter(x -> x.scorerBlobId().isPresent())
                .orElseThrow(() -> ApiRefusal.notFound("This piece has no such file for scorers."));
        byte[] bytes = scorerFiles.content(f).orElseThrow(() -> ApiRefusal.notFound("This piece's file is no longer kept."));
        String type = f.scorerMediaType().orElseThrow();
        String extension = type.equals("application/pdf") ? "pdf" : type.equals("image/png") ? "png" : type.contains("wordprocessingml") ? "docx" : "bin";
        return Response.ok(bytes, type).header("Content-Disposition", "inline; filename=\"piece-" + piece.code().value() + "-" + (n + 1) + "." + extension + "\"")
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "private, no-store").build();
    }

    @PUT
    @Path("{code}/score")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScoreView score(@PathParam("id") String id, @PathParam("code") String code, ScoreBody body) {
        RoundAccess.Access a = access.scorer(id, access.caller(session.principal()));
        if (body == null) {
            throw ApiRefusal.invalid("Send the levels of the score.");
        }
        Score s = scoring.save(a, code, Optional.ofNullable(body.lock_version), content(body), Boolean.TRUE.equals(body.submit));
        return ScoreView.of(s);
    }

    public record Change(String at, String before, String after) {
    }

    public record History(List<Change> changes) {
    }

    /** The caller's own score history on a piece: what they saved, when; the audit trail as the scorer may see it. */
    @GET
    @Path("{code}/score/history")
    public History history(@PathParam("id") String id, @PathParam("code") String code) {
        RoundAccess.Access a = access.scorer(id, access.caller(session.principal()));
        return new History(scoring.history(a, code).stream().map(c -> new Change(c.changedAt().toString(), c.before(), c.after())).toList());
    }

    static ScoreContent content(ScoreBody b) {
        if (b.levels != null && b.levels.size() > 20 || b.caps != null && b.caps.size() > 20 || b.flags != null && b.flags.size() > 10) {
            throw ApiRefusal.invalid("The score has more entries than any rubric allows.");
        }
        Set<ScoreContent.Flag> flags = new java.util.HashSet<>();
        for (String f : b.flags == null ? List.<String>of() : b.flags) {
            flags.add(ScoreContent.Flag.of(f).orElseThrow(() -> ApiRefusal.invalid("Flags are sensitive, unsure and file_problem.")));
        }
        Optional<ScoreContent.SuggestedCondition> suggested = b.suggested_condition == null || b.suggested_condition.isBlank()
                ? Optional.empty()
                : Optional.of(ScoreContent.SuggestedCondition.of(b.suggested_condition)
                .orElseThrow(() -> ApiRefusal.invalid("Condition codes to suggest are illegible, not_english, copied and wrong_task.")));
        Map<String, Integer> levels = new TreeMap<>();
        if (b.levels != null) {
            b.levels.forEach((k, v) -> {
                if (k != null && v != null) {
                    levels.put(k, v);
                }
            });
        }
        try {
            return new ScoreContent(levels, b.caps == null ? Set.of() : Set.copyOf(b.caps.stream().filter(java.util.Objects::nonNull).toList()),
                    Optional.ofNullable(b.condition_code), flags, suggested, Optional.ofNullable(b.flag_note),
                    Optional.ofNullable(b.rationale), Optional.ofNullable(b.evidence));
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid(e.getMessage());
        }
    }

    /** The calibration set by score point: "rubrics tell us; guide papers show us". */
    private Map<String, Map<String, List<Anchor>>> anchors(String roundId, RubricDefinition rubric) {
        Map<String, Map<String, List<Anchor>>> anchors = new TreeMap<>();
        List<CalibrationItem> items = calibrations.items(roundId);
        rubric.criteria().forEach(c -> {
            Map<String, List<Anchor>> byLevel = new TreeMap<>();
            for (CalibrationItem i : items) {
                Integer level = i.levels().get(c.key());
                if (level != null) {
                    byLevel.computeIfAbsent(Integer.toString(level), k -> new ArrayList<>()).add(new Anchor(i.id(), excerpt(i.text())));
                }
            }
            anchors.put(c.key(), byLevel);
        });
        return anchors;
    }

    static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT - 1) + "…";
    }
}
