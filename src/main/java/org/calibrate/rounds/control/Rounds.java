package org.calibrate.rounds.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.allocation.entity.AllocationRun;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.rounds.entity.JoinCode;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.rubrics.control.Rubrics;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.entity.SessionPrincipal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Setting a round up, editing it, and moving it through its phases, each move checked and audited. */
@ApplicationScoped
@Transactional
public class Rounds {
    private static final SecureRandom SEEDS = new SecureRandom();

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    RoundAccess access;
    @Inject
    Rubrics rubrics;
    @Inject
    AuditLog audit;
    @Inject
    Event<PhaseMoved> moved;

    /** A round moved, in the transaction of the move: features that act on a phase change observe it. */
    public record PhaseMoved(Round round, RoundMember by, Phase from, Phase to) {
    }

    /** What a moderator may change about a round; null fields stay as they are. */
    public record Changes(String title, String task, String rubricId, Integer scorersPerPiece, Boolean allScoreAll,
                          Double multiScoredShare, Boolean capacityWeighted, Long seed, Boolean calibrationRequired,
                          Double qualifyingAgreement) {
    }

    public Round create(SessionPrincipal principal, String title, Optional<String> task, String rubricId) {
        RoundAccess.Caller caller = access.caller(principal);
        Rubric rubric = rubrics.find(rubricId, caller.platformId())
                .orElseThrow(() -> ApiRefusal.invalid("Choose a rubric from the rubric library."));
        Instant now = now();
        Round round;
        try {
            round = new Round(caller.platformId(), principal.courseId(), principal.placementId(), title, task, rubric.id(),
                    caller.userId(), SEEDS.nextLong(), now);
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid(e.getMessage());
        }
        rubrics.freeze(rubric);
        em.persist(round);
        RoundMember creator = new RoundMember(round.id(), caller.platformId(), caller.subject(), caller.name(), RoundMember.Joined.CREATOR, now);
        creator.roles(false, true);
        em.persist(creator);
        audit.record(actor(caller), "round.created", "round:" + round.id(), round.title());
        return round;
    }

    /** Rounds the caller belongs to (any course), newest first, with their membership. */
    public List<RoundAccess.Access> mine(RoundAccess.Caller caller) {
        List<Object[]> rows = em.createQuery("select r, m from ModerationRound r, RoundMember m where m.roundId = r.id and m.platformId = :p"
                        + " and m.subject = :s and m.active = true order by r.createdAt desc", Object[].class)
                .setParameter("p", caller.platformId()).setParameter("s", caller.subject()).setMaxResults(500).getResultList();
        return rows.stream().map(r -> new RoundAccess.Access((Round) r[0], (RoundMember) r[1])).toList();
    }

    public Round edit(RoundAccess.Access a, long lockVersion, Changes c) {
        Round round = a.round();
        round.requireLockVersion(lockVersion);
        if (round.phase() == Phase.FINALISED) {
            throw new ApiRefusal(409, "round_finalised", "A finalised round cannot change.");
        }
        Instant now = now();
        try {
            round.describe(c.title() == null ? round.title() : c.title(), c.task() == null ? round.task() : Optional.of(c.task()), now);
            String rubricId = round.rubricId();
            if (c.rubricId() != null && !c.rubricId().equals(round.rubricId())) {
                Rubric rubric = rubrics.find(c.rubricId(), round.platformId())
                        .orElseThrow(() -> ApiRefusal.invalid("Choose a rubric from the rubric library."));
                rubricId = rubric.id();
                if (round.phase() == Phase.SETUP) {
                    rubrics.freeze(rubric);
                }
            }
            boolean designTouched = c.rubricId() != null || c.scorersPerPiece() != null || c.allScoreAll() != null
                    || c.multiScoredShare() != null || c.capacityWeighted() != null || c.seed() != null;
            if (designTouched && (round.phase() == Phase.SETUP || designChanges(round, rubricId, c))) {
                round.design(rubricId, or(c.scorersPerPiece(), round.scorersPerPiece()), or(c.allScoreAll(), round.allScoreAll()),
                        or(c.multiScoredShare(), round.multiScoredShare()), or(c.capacityWeighted(), round.capacityWeighted()),
                        or(c.seed(), round.seed()), now);
            }
            if (c.calibrationRequired() != null || c.qualifyingAgreement() != null) {
                round.calibration(or(c.calibrationRequired(), round.calibrationRequired()),
                        or(c.qualifyingAgreement(), round.qualifyingAgreement()), now);
            }
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiRefusal(409, "phase_refused", e.getMessage());
        }
        audit.record("member:" + a.member().id(), "round.edited", "round:" + round.id(), round.title());
        return round;
    }

    private static boolean designChanges(Round r, String rubricId, Changes c) {
        return !rubricId.equals(r.rubricId()) || (c.scorersPerPiece() != null && c.scorersPerPiece() != r.scorersPerPiece())
                || (c.allScoreAll() != null && c.allScoreAll() != r.allScoreAll())
                || (c.multiScoredShare() != null && c.multiScoredShare() != r.multiScoredShare())
                || (c.capacityWeighted() != null && c.capacityWeighted() != r.capacityWeighted())
                || (c.seed() != null && c.seed() != r.seed());
    }

    /** An explicit phase move by a moderator, refused with the reason when the round is not ready for it. */
    public Round move(RoundAccess.Access a, long lockVersion, Phase to) {
        Round round = access.lockForUpdate(a.round());
        round.requireLockVersion(lockVersion);
        Phase from = round.phase();
        if (to == Phase.FINALISED || from == Phase.FINALISED) {
            throw new ApiRefusal(409, "phase_refused", to == Phase.FINALISED
                    ? "Finalise the round from its moderation page: every piece needs its final score first."
                    : "Reopen a finalised round from its moderation page, with the reason.");
        }
        if (!from.mayMoveTo(to)) {
            throw new ApiRefusal(409, "phase_refused", "A round in " + from.key() + " cannot move to " + to.key() + ".");
        }
        if (to == Phase.CALIBRATION || (to == Phase.SCORING && from != Phase.MODERATION)) {
            requireAllocated(round);
        }
        if (to == Phase.CALIBRATION && count("select count(i) from CalibrationItem i where i.roundId = :r", round.id()) == 0) {
            throw new ApiRefusal(409, "phase_refused", "Add at least one practice piece to the calibration set first, or go straight to scoring.");
        }
        if (to == Phase.SCORING && from != Phase.MODERATION && round.releasedAt().isEmpty()) {
            throw new ApiRefusal(409, "not_released", "Release the pieces to scorers first: Pieces → Release review.");
        }
        if (to == Phase.SCORING && from == Phase.SETUP && round.calibrationRequired()) {
            throw new ApiRefusal(409, "phase_refused", "This round requires calibration before live scoring: move it to calibration first.");
        }
        round.moveTo(to, now());
        audit.record("member:" + a.member().id(), "round.phase", "round:" + round.id(), from.key() + " → " + to.key());
        moved.fire(new PhaseMoved(round, a.member(), from, to));
        return round;
    }

    private void requireAllocated(Round round) {
        long pieces = count("select count(p) from Piece p where p.roundId = :r and p.excludedReason is null", round.id());
        if (pieces == 0) {
            throw new ApiRefusal(409, "phase_refused", "The round has no pieces yet: add the pieces to score first.");
        }
        AllocationRun run = em.find(AllocationRun.class, round.id());
        if (run == null || round.allocationStale()) {
            throw new ApiRefusal(409, "phase_refused", run == null
                    ? "Allocate the pieces to the scorers first."
                    : "Pieces, scorers or the design changed since the last allocation: run the allocation again first.");
        }
        int unallocated = unallocatedCount(run);
        if (unallocated > 0) {
            throw new ApiRefusal(409, "phase_refused", unallocated + " piece(s) could not get all their scorers: add scorers or change the design, then allocate again.");
        }
    }

    private static int unallocatedCount(AllocationRun run) {
        return jakarta.json.Json.createReader(new java.io.StringReader(run.unallocatedJson())).readObject().size();
    }

    /** A colleague from another course joins with the round's code, as a scorer. */
    public Round join(RoundAccess.Caller caller, String code) {
        JoinCode joinCode = JoinCode.parse(code).orElseThrow(() -> ApiRefusal.invalid("A round code looks like MXR4-7TQP."));
        List<Round> found = em.createQuery("select r from ModerationRound r where r.joinCode = :c", Round.class)
                .setParameter("c", joinCode.value()).getResultList();
        Round round = found.stream().filter(r -> r.platformId() == caller.platformId()).findFirst()
                .orElseThrow(() -> new ApiRefusal(404, "round_not_found", "No round has this code. Check it with the round's moderator."));
        if (round.phase() == Phase.MODERATION || round.phase() == Phase.FINALISED) {
            throw new ApiRefusal(409, "round_closed", "This round has finished scoring; it takes no new scorers.");
        }
        Optional<RoundMember> existing = access.membership(round.id(), caller);
        Instant now = now();
        RoundMember member = existing.orElseGet(() -> {
            RoundMember m = new RoundMember(round.id(), caller.platformId(), caller.subject(), caller.name(), RoundMember.Joined.CODE, now);
            m.roles(true, false);
            em.persist(m);
            return m;
        });
        if (!member.scorer() || !member.active()) {
            member.roles(true, member.moderator());
            member.active(true);
        }
        round.allocationOutdated();
        audit.record("member:" + member.id(), "round.joined", "round:" + round.id(), "with the round code");
        return round;
    }

    private long count(String jpql, String roundId) {
        return em.createQuery(jpql, Long.class).setParameter("r", roundId).getSingleResult();
    }


    private static String actor(RoundAccess.Caller caller) {
        return "user:" + caller.userId();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
