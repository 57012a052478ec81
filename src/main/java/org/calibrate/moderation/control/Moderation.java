package org.calibrate.moderation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.allocation.entity.Seat;
import org.calibrate.moderation.entity.AdjacentRule;
import org.calibrate.moderation.entity.DiscrepantRule;
import org.calibrate.moderation.entity.PieceResolution;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.PieceCode;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.scoring.entity.PieceFlag;
import org.calibrate.scoring.entity.Score;
import org.calibrate.session.boundary.ApiRefusal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where every piece of a round stands in moderation: its submitted scores, the third scorer's seat and score,
 * the recorded resolution, its standing under the round's tolerance and the final score that follows. Read in a
 * handful of queries per round, so the discrepancy view of a large round stays quick.
 */
@ApplicationScoped
@Transactional
public class Moderation {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @jakarta.inject.Inject
    org.calibrate.reports.control.RoundReports reports;

    /** What a piece still needs before the round can be finalised. */
    public enum State {
        /** No submitted score yet. */
        UNSCORED,
        /** A moderator must decide: discrepant, adjacent under "moderator decides", or a condition code was suggested. */
        WAITING,
        /** A third scorer has the piece. */
        ADJUDICATING,
        /** The scores and the round's rules give the final score. */
        SETTLED,
        /** A moderator recorded the final score. */
        RESOLVED
    }

    public record PieceState(Piece piece, List<Score> scores, Optional<Seat> adjudicationSeat, Optional<Score> adjudication,
                             Optional<PieceResolution> resolution, Standing.Of standing, Optional<FinalScores.Final> finalScore,
                             State state, List<PieceFlag> flags, int posts, int exemplars) {
    }

    /** A scorer suggested a condition code that no moderator has answered yet. */
    private static boolean openConditionFlag(List<PieceFlag> flags) {
        return flags.stream().anyMatch(f -> f.kind().startsWith(PieceFlag.CONDITION_PREFIX) && f.acknowledgedAt().isEmpty());
    }

    public RubricDefinition rubric(Round round) {
        return em.find(Rubric.class, round.rubricId()).definition();
    }

    /** Every piece of the round, in code order. */
    public List<PieceState> pieces(Round round) {
        return states(round, em.createQuery("select p from Piece p where p.roundId = :r and p.excludedReason is null order by p.code", Piece.class)
                .setParameter("r", round.id()).getResultList());
    }

    public PieceState piece(Round round, String code) {
        ApiRefusal notFound = new ApiRefusal(404, "piece_not_found", "No such piece in this round.");
        PieceCode pc = PieceCode.parse(code).orElseThrow(() -> notFound);
        List<Piece> found = em.createQuery("select p from Piece p where p.roundId = :r and p.code = :c", Piece.class)
                .setParameter("r", round.id()).setParameter("c", pc.value()).getResultList();
        return states(round, found.stream().findFirst().map(List::of).orElseThrow(() -> notFound)).get(0);
    }

    private List<PieceState> states(Round round, List<Piece> pieces) {
        boolean one = pieces.size() == 1;
        String scope = one ? "x.pieceId = :p" : "x.roundId = :r";
        Map<String, List<Score>> scores = new HashMap<>();
        Map<String, Score> third = new HashMap<>();
        for (Score s : query("select x from Score x where " + scope + " and x.state = 'SUBMITTED' order by x.memberId", Score.class, round, pieces)) {
            if (s.adjudication()) {
                third.put(s.pieceId(), s);
            } else {
                scores.computeIfAbsent(s.pieceId(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Seat> seats = new HashMap<>();
        query("select x from Seat x where " + scope + " and x.kind = 'adjudication'", Seat.class, round, pieces).forEach(s -> seats.put(s.pieceId(), s));
        Map<String, PieceResolution> resolutions = new HashMap<>();
        query("select x from PieceResolution x where " + scope, PieceResolution.class, round, pieces).forEach(r -> resolutions.put(r.pieceId(), r));
        Map<String, List<PieceFlag>> flags = new HashMap<>();
        query("select x from PieceFlag x where " + scope + " order by x.raisedAt", PieceFlag.class, round, pieces)
                .forEach(f -> flags.computeIfAbsent(f.pieceId(), k -> new ArrayList<>()).add(f));
        Map<String, Integer> posts = counts("select x.pieceId, count(x) from DiscussionPost x where " + scope + " group by x.pieceId", round, pieces);
        Map<String, Integer> exemplars = counts("select x.pieceId, count(x) from Exemplar x where " + scope
                + " and x.state = 'active' group by x.pieceId", round, pieces);
        RubricDefinition rubric = rubric(round);
        List<String> criteria = List.copyOf(rubric.criterionNames().keySet());
        // The severity-adjusted levels come from a model fit of the whole round: only when a rule asks for them.
        boolean fairRule = round.adjacentRule() == AdjacentRule.FAIR || round.discrepantRule() == DiscrepantRule.FAIR;
        Map<String, Map<String, Integer>> fair = fairRule && round.scoringEnded() ? reports.fair(round).rounded() : Map.of();
        List<PieceState> states = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            List<Score> own = scores.getOrDefault(p.id(), List.of());
            List<Map<String, Integer>> levels = own.stream().map(s -> s.content().levels()).toList();
            Standing.Of standing = Standing.of(levels, criteria, round.tolerance());
            Optional<Score> adjudication = Optional.ofNullable(third.get(p.id()));
            Optional<PieceResolution> resolution = Optional.ofNullable(resolutions.get(p.id()));
            List<PieceFlag> f = flags.getOrDefault(p.id(), List.of());
            Optional<FinalScores.Final> automatic = FinalScores.automatic(levels, criteria, round.tolerance(), round.adjacentRule(),
                    round.discrepantRule(), adjudication.map(s -> s.content().levels()), Optional.ofNullable(fair.get(p.code().value())));
            Optional<FinalScores.Final> fin = resolution.map(r -> new FinalScores.Final(r.method(), r.levels(), r.conditionCode()))
                    .or(() -> automatic);
            Optional<Seat> seat = Optional.ofNullable(seats.get(p.id()));
            State state;
            if (resolution.isPresent() && !resolution.get().automatic()) {
                state = State.RESOLVED;
            } else if (resolution.isPresent() || (automatic.isPresent() && !openConditionFlag(f))) {
                state = State.SETTLED;
            } else if (seat.isPresent() && adjudication.isEmpty()) {
                state = State.ADJUDICATING;
            } else if (own.isEmpty()) {
                state = State.UNSCORED;
            } else {
                state = State.WAITING;
            }
            // A suggested condition code waits for the moderator even where the levels agree.
            Optional<FinalScores.Final> shown = state == State.WAITING ? Optional.empty() : fin;
            states.add(new PieceState(p, own, seat, adjudication, resolution, standing, shown, state, f,
                    posts.getOrDefault(p.id(), 0), exemplars.getOrDefault(p.id(), 0)));
        }
        return states;
    }

    /** The audit trail of a piece's moderation (decisions, third scorers, consent, exemplars), oldest first. */
    public List<org.calibrate.audit.entity.AuditEvent> history(Round round, PieceCode code) {
        return em.createQuery("select e from AuditEvent e where e.subject = :s order by e.occurredAt, e.id", org.calibrate.audit.entity.AuditEvent.class)
                .setParameter("s", subject(round, code)).setMaxResults(500).getResultList();
    }

    /** How the audit trail names a piece of a round. */
    public static String subject(Round round, PieceCode code) {
        return "round:" + round.id() + " piece:" + code.value();
    }

    /** Discrepant work in the order the meeting takes it: largest disagreement first. */
    public static Comparator<PieceState> bySpread() {
        return Comparator.comparingInt((PieceState s) -> s.standing().spread()).reversed()
                .thenComparing(s -> s.piece().code().value());
    }

    private <T> List<T> query(String jpql, Class<T> type, Round round, List<Piece> pieces) {
        var q = em.createQuery(jpql, type);
        if (pieces.size() == 1) {
            q.setParameter("p", pieces.get(0).id());
        } else {
            q.setParameter("r", round.id());
        }
        return q.getResultList();
    }

    private Map<String, Integer> counts(String jpql, Round round, List<Piece> pieces) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : query(jpql, Object[].class, round, pieces)) {
            counts.put((String) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }
}
