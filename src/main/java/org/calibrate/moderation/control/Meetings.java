package org.calibrate.moderation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.moderation.entity.Reflection;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Round;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The moderation meeting (seeds 000, steps 7–9): agreed work first, by score point, then discrepant work,
 * largest disagreement first; the group's reflection; and, if the moderator chooses, scorers revealed to one
 * another.
 */
@ApplicationScoped
@Transactional
public class Meetings {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Moderation moderation;
    @Inject
    AuditLog audit;

    public record Agenda(List<Moderation.PieceState> agreed, List<Moderation.PieceState> discrepant) {
    }

    public Agenda agenda(Round round) {
        requireEnded(round);
        List<Moderation.PieceState> agreed = new ArrayList<>();
        List<Moderation.PieceState> discrepant = new ArrayList<>();
        for (Moderation.PieceState s : moderation.pieces(round)) {
            switch (s.standing().group()) {
                case AGREED -> agreed.add(s);
                case DISCREPANT -> discrepant.add(s);
                default -> {
                }
            }
        }
        agreed.sort(Comparator.comparingInt((Moderation.PieceState s) -> -s.finalScore().map(FinalScores.Final::total)
                .orElse(s.scores().get(0).content().levels().values().stream().mapToInt(Integer::intValue).sum()))
                .thenComparing(s -> s.piece().code().value()));
        discrepant.sort(Moderation.bySpread());
        return new Agenda(agreed, discrepant);
    }

    public Optional<Reflection> reflection(Round round) {
        return Optional.ofNullable(em.find(Reflection.class, round.id()));
    }

    public Reflection reflect(RoundAccess.Access a, Optional<Long> lockVersion, Optional<String> task, Optional<String> instruction,
                              Optional<String> criteria) {
        Round round = a.round();
        Resolutions.requireModeration(round);
        Instant now = Instant.now(Clock.systemUTC());
        Reflection r = reflection(round).orElse(null);
        if (r == null) {
            if (lockVersion.isPresent()) {
                throw new OptimisticLockException("reflection vanished");
            }
            r = new Reflection(round.id(), now);
            em.persist(r);
        } else if (lockVersion.isEmpty() || lockVersion.get() != r.lockVersion()) {
            throw new OptimisticLockException("reflection changed meanwhile");
        }
        try {
            // A field left out keeps what the group wrote before; an empty one clears it.
            r.write(task.isPresent() ? task : r.task(), instruction.isPresent() ? instruction : r.instruction(),
                    criteria.isPresent() ? criteria : r.criteria(), a.member().id(), now);
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid(e.getMessage());
        }
        em.flush();
        audit.record("member:" + a.member().id(), "meeting.reflection", "round:" + round.id(), "reflection saved");
        return r;
    }

    /** Lets scorers see each other's names beside their scores in discussions; students are never revealed. */
    public Round reveal(RoundAccess.Access a, long lockVersion, boolean revealed) {
        Round round = a.round();
        requireEnded(round);
        round.requireLockVersion(lockVersion);
        round.scorersRevealed(revealed, Instant.now(Clock.systemUTC()));
        em.flush();
        audit.record("member:" + a.member().id(), revealed ? "meeting.scorers-revealed" : "meeting.scorers-hidden", "round:" + round.id(),
                revealed ? "scorers may see who gave which score" : "scorers anonymous to each other again");
        return round;
    }

    private static void requireEnded(Round round) {
        if (round.phase() != Phase.MODERATION && round.phase() != Phase.FINALISED) {
            throw new ApiRefusal(409, "meeting_not_yet", "The moderation meeting opens when scoring ends: until then scores stay blind.");
        }
    }
}
