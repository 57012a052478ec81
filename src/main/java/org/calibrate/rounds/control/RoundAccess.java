package org.calibrate.rounds.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.entity.AppUser;
import org.calibrate.session.entity.SessionPrincipal;

import java.util.List;
import java.util.Optional;

/**
 * Who may touch a round: its members, in their roles. A round the caller does not belong to is
 * answered exactly like one that does not exist, so a round id reveals nothing.
 */
@ApplicationScoped
public class RoundAccess {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    /** The caller as rounds know people: platform and platform user id, and the name the platform gave. */
    public record Caller(String userId, long platformId, String subject, Optional<String> name) {
    }

    /** A round with the caller's membership in it. */
    public record Access(Round round, RoundMember member) {
    }

    public Caller caller(SessionPrincipal principal) {
        AppUser user = em.find(AppUser.class, principal.userId());
        if (user == null) {
            throw new ApiRefusal(401, "session_ended", "Your Calibrate session has ended. Launch Calibrate again from your course.");
        }
        return new Caller(user.id(), user.platformId(), user.subject(), user.name());
    }

    public Optional<RoundMember> membership(String roundId, Caller caller) {
        List<RoundMember> found = em.createQuery("select m from RoundMember m where m.roundId = :r and m.platformId = :p and m.subject = :s", RoundMember.class)
                .setParameter("r", roundId).setParameter("p", caller.platformId()).setParameter("s", caller.subject()).getResultList();
        return found.stream().findFirst();
    }

    /** Any active member (scorer or moderator). */
    public Access member(String roundId, Caller caller) {
        Round round = roundId == null ? null : em.find(Round.class, roundId);
        Optional<RoundMember> m = round == null ? Optional.empty() : membership(roundId, caller).filter(RoundMember::active);
        if (m.isEmpty()) {
            throw notFound();
        }
        return new Access(round, m.get());
    }

    public Access moderator(String roundId, Caller caller) {
        Access a = member(roundId, caller);
        if (!a.member().moderator()) {
            throw new ApiRefusal(403, "moderators_only", "Only the round's moderators may do this.");
        }
        return a;
    }

    public Access scorer(String roundId, Caller caller) {
        Access a = member(roundId, caller);
        if (!a.member().scorer()) {
            throw new ApiRefusal(403, "scorers_only", "You are not a scorer in this round.");
        }
        return a;
    }

    /** The round, locked for a change that must not interleave with another (phase moves, allocation). */
    public Round lockForUpdate(Round round) {
        em.lock(round, LockModeType.PESSIMISTIC_WRITE);
        return round;
    }

    /** A request made in the wrong phase: a conflict the user can understand. */
    public static void requirePhase(Round round, org.calibrate.rounds.entity.Phase expected, String message) {
        if (round.phase() != expected) {
            throw new ApiRefusal(409, "phase_refused", message);
        }
    }

    public static ApiRefusal notFound() {
        return new ApiRefusal(404, "round_not_found", "No such round, or you are not a member of it.");
    }
}
