package org.calibrate.moderation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.allocation.entity.Seat;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.moderation.entity.DiscrepantRule;
import org.calibrate.moderation.entity.PieceResolution;
import org.calibrate.moderation.entity.ResolutionMethod;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.control.Rounds;
import org.calibrate.rounds.entity.Consent;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.rubrics.control.ScoreCheck;
import org.calibrate.scoring.entity.PieceFlag;
import org.calibrate.scoring.entity.ScoreContent;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How discrepancies end (the glossary's resolution): a moderator's consensus or condition code with its
 * rationale, or a third blind scorer. Every decision is audited with what it was before and after.
 */
@ApplicationScoped
@Transactional
public class Resolutions {
    /** Condition codes a moderator may assign (New York scorer training): blank and the ones scorers only suggest. */
    public static final Set<String> CONDITION_CODES = Set.of(ScoreContent.BLANK, "illegible", "not_english", "copied", "wrong_task");

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Moderation moderation;
    @Inject
    AuditLog audit;

    /**
     * Records the moderators' final score for a piece: levels for every criterion and a rationale, or a condition
     * code. The lock version is absent for a first decision and must match a recorded one.
     */
    public PieceResolution decide(RoundAccess.Access a, String code, Optional<Long> lockVersion, Map<String, Integer> levels,
                                  Optional<String> conditionCode, Optional<String> rationale) {
        Round round = requireModeration(a.round());
        Moderation.PieceState state = moderation.piece(round, code);
        Optional<String> condition = conditionCode.map(String::strip).filter(c -> !c.isEmpty());
        if (condition.isPresent() && !CONDITION_CODES.contains(condition.get())) {
            throw ApiRefusal.invalid("A condition code is one of " + String.join(", ", new java.util.TreeSet<>(CONDITION_CODES)) + ".");
        }
        if (condition.isEmpty()) {
            List<String> problems = ScoreCheck.problems(moderation.rubric(round), levels, Set.of(), true);
            if (!problems.isEmpty()) {
                throw ApiRefusal.unprocessable("invalid_score", "The consensus score needs a level for every criterion.", problems);
            }
            if (rationale.map(String::isBlank).orElse(true)) {
                throw ApiRefusal.invalid("Say why the group settled on this score: the rationale is kept with it.");
            }
        }
        PieceResolution resolution = state.resolution().orElse(null);
        String before = resolution == null ? "none" : resolution.auditText();
        Instant now = now();
        if (resolution == null) {
            if (lockVersion.isPresent()) {
                throw new OptimisticLockException("resolution vanished");
            }
            resolution = new PieceResolution(state.piece().id(), round.id(), now);
            em.persist(resolution);
        } else if (lockVersion.isEmpty() || lockVersion.get() != resolution.lockVersion()) {
            throw new OptimisticLockException("resolution changed meanwhile");
        }
        try {
            resolution.decide(condition.isPresent() ? ResolutionMethod.CONDITION : ResolutionMethod.CONSENSUS,
                    condition.isPresent() ? Map.of() : levels, condition, rationale, a.member().id(), now);
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid(e.getMessage());
        }
        // The decision answers the scorers' suggested condition codes and flags on the piece.
        for (PieceFlag f : state.flags()) {
            f.acknowledge(a.member().id(), now);
        }
        em.flush();
        audit.record(actor(a), "piece.resolved", Moderation.subject(round, state.piece().code()),
                before + " → " + resolution.auditText() + rationale.map(r -> " because: " + r).orElse(""));
        return resolution;
    }

    /** Takes back a moderator's decision: the piece stands as its scores and the rules leave it. */
    public void undo(RoundAccess.Access a, String code, long lockVersion) {
        Round round = requireModeration(a.round());
        Moderation.PieceState state = moderation.piece(round, code);
        PieceResolution r = state.resolution().filter(x -> !x.automatic())
                .orElseThrow(() -> new ApiRefusal(404, "not_resolved", "This piece has no moderator's decision to take back."));
        if (r.lockVersion() != lockVersion) {
            throw new OptimisticLockException("resolution changed meanwhile");
        }
        em.remove(r);
        audit.record(actor(a), "piece.resolution-undone", Moderation.subject(round, state.piece().code()), r.auditText());
    }

    /**
     * Sends a piece to a third scorer, who scores it blind: a scorer of the round who has not scored it and does
     * not teach its class; the one named, or the one with the fewest adjudications and seats.
     */
    public Seat adjudicate(RoundAccess.Access a, String code, Optional<String> scorerId) {
        Round round = requireModeration(a.round());
        Moderation.PieceState state = moderation.piece(round, code);
        Seat seat = assign(round, state, scorerId, a.member().id());
        audit.record(actor(a), "piece.adjudication-requested", Moderation.subject(round, state.piece().code()),
                "third scorer member:" + seat.memberId());
        return seat;
    }

    /** Takes a piece back from its third scorer, unless they have submitted their score. */
    public void withdrawAdjudication(RoundAccess.Access a, String code) {
        Round round = requireModeration(a.round());
        Moderation.PieceState state = moderation.piece(round, code);
        Seat seat = state.adjudicationSeat().orElseThrow(() -> new ApiRefusal(404, "not_adjudicating", "This piece has no third scorer."));
        if (state.adjudication().isPresent()) {
            throw new ApiRefusal(409, "already_adjudicated", "The third scorer has already scored this piece; record a consensus instead.");
        }
        em.remove(seat);
        audit.record(actor(a), "piece.adjudication-withdrawn", Moderation.subject(round, state.piece().code()),
                "third scorer member:" + seat.memberId());
    }

    /** Records what the school's records say about keeping this student's work as an exemplar. */
    public void consent(RoundAccess.Access a, String code, Consent consent) {
        Round round = a.round();
        if (round.phase() == Phase.FINALISED && consent != Consent.DECLINED) {
            throw new ApiRefusal(409, "round_finalised", "The round is finalised; only a refusal can still be recorded.");
        }
        Moderation.PieceState state = moderation.piece(round, code);
        Consent before = state.piece().consent();
        state.piece().consent(consent);
        audit.record(actor(a), "piece.consent", Moderation.subject(round, state.piece().code()), before.key() + " → " + consent.key());
        if (consent == Consent.DECLINED) {
            withdrawn.fire(new ConsentDeclined(state.piece().id(), a.member().id()));
        }
    }

    /** A refusal reaches exemplars already kept from the piece. */
    public record ConsentDeclined(String pieceId, String memberId) {
    }

    @Inject
    jakarta.enterprise.event.Event<ConsentDeclined> withdrawn;

    /** With the third-scorer rule on, every discrepant piece goes to a third scorer as moderation opens. */
    void onModeration(@Observes Rounds.PhaseMoved moved) {
        if (moved.to() != Phase.MODERATION || moved.round().discrepantRule() != DiscrepantRule.THIRD_SCORER) {
            return;
        }
        int sent = 0;
        List<String> unplaced = new ArrayList<>();
        for (Moderation.PieceState s : moderation.pieces(moved.round())) {
            if (s.state() == Moderation.State.WAITING && s.standing().group() == Standing.Group.DISCREPANT && s.adjudicationSeat().isEmpty()) {
                try {
                    assign(moved.round(), s, Optional.empty(), moved.by().id());
                    sent++;
                } catch (ApiRefusal e) {
                    unplaced.add(s.piece().code().value());
                }
            }
        }
        audit.record("member:" + moved.by().id(), "round.adjudication-rule", "round:" + moved.round().id(),
                sent + " discrepant piece(s) sent to a third scorer" + (unplaced.isEmpty() ? "" : "; no third scorer free for " + unplaced));
    }

    private Seat assign(Round round, Moderation.PieceState state, Optional<String> scorerId, String by) {
        if (state.adjudicationSeat().isPresent()) {
            throw new ApiRefusal(409, "already_adjudicating", "This piece already has a third scorer.");
        }
        if (state.resolution().filter(r -> !r.automatic()).isPresent()) {
            throw new ApiRefusal(409, "already_resolved", "This piece has a moderator's decision; take it back first to send it to a third scorer.");
        }
        if (state.scores().size() < 2) {
            throw new ApiRefusal(409, "nothing_to_adjudicate", "A third scorer settles a disagreement; this piece has fewer than two scores.");
        }
        Set<String> seated = new java.util.HashSet<>(em.createQuery("select s.memberId from Seat s where s.pieceId = :p", String.class)
                .setParameter("p", state.piece().id()).getResultList());
        List<RoundMember> candidates = em.createQuery("select m from RoundMember m where m.roundId = :r and m.scorer = true and m.active = true",
                        RoundMember.class).setParameter("r", round.id()).getResultList().stream()
                .filter(m -> !seated.contains(m.id()))
                .filter(m -> state.piece().origin().map(o -> !m.teaches().contains(o)).orElse(true)).toList();
        RoundMember chosen;
        if (scorerId.isPresent()) {
            chosen = candidates.stream().filter(m -> m.id().equals(scorerId.get())).findFirst().orElseThrow(() -> ApiRefusal.invalid(
                    "Choose a scorer of this round who has not scored this piece and does not teach its class."));
        } else {
            Map<String, Long> load = new HashMap<>();
            for (Object[] row : em.createQuery("select s.memberId, count(s) from Seat s where s.roundId = :r group by s.memberId", Object[].class)
                    .setParameter("r", round.id()).getResultList()) {
                load.put((String) row[0], ((Number) row[1]).longValue());
            }
            Map<String, Long> adjudications = new HashMap<>();
            for (Object[] row : em.createQuery("select s.memberId, count(s) from Seat s where s.roundId = :r and s.kind = 'adjudication' group by s.memberId",
                    Object[].class).setParameter("r", round.id()).getResultList()) {
                adjudications.put((String) row[0], ((Number) row[1]).longValue());
            }
            chosen = candidates.stream().min(Comparator.comparingLong((RoundMember m) -> adjudications.getOrDefault(m.id(), 0L))
                            .thenComparingLong(m -> load.getOrDefault(m.id(), 0L)).thenComparing(RoundMember::id))
                    .orElseThrow(() -> new ApiRefusal(409, "no_third_scorer",
                            "Every scorer of this round has scored this piece or teaches its class: add a scorer, or record a consensus."));
        }
        Integer last = em.createQuery("select max(s.position) from Seat s where s.memberId = :m", Integer.class)
                .setParameter("m", chosen.id()).getSingleResult();
        Seat seat = Seat.adjudication(round.id(), state.piece().id(), chosen.id(), last == null ? 0 : last + 1);
        em.persist(seat);
        em.flush();
        return seat;
    }

    static Round requireModeration(Round round) {
        if (round.phase() == Phase.FINALISED) {
            throw new ApiRefusal(409, "round_finalised", "The round is finalised: reopen it to change a final score.");
        }
        if (round.phase() != Phase.MODERATION) {
            throw new ApiRefusal(409, "phase_refused", "Moderation opens when scoring ends: move the round to moderation first.");
        }
        return round;
    }

    private static String actor(RoundAccess.Access a) {
        return "member:" + a.member().id();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
