package org.calibrate.rounds.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.roster.entity.RosterMember;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Scorers and moderators of a round: teachers from the course roster, roles, capacity, classes taught, dropping out. */
@ApplicationScoped
@Transactional
public class Members {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    AuditLog audit;

    /** A member's settings as a moderator sets them. */
    public record Settings(boolean scorer, boolean moderator, int capacity, Set<String> teaches) {
    }

    public List<RoundMember> of(String roundId) {
        return em.createQuery("select m from RoundMember m where m.roundId = :r order by m.joinedAt, m.id", RoundMember.class)
                .setParameter("r", roundId).getResultList();
    }

    /** The round's scorers, member id → name ("Scorer n" for one the roster never named), in joining order. */
    public java.util.Map<String, String> scorerNames(String roundId) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        em.createQuery("select m from RoundMember m where m.roundId = :r and m.scorer = true order by m.joinedAt, m.id", RoundMember.class)
                .setParameter("r", roundId).getResultList().forEach(m -> names.put(m.id(), m.name().orElse("Scorer " + (names.size() + 1))));
        return names;
    }

    /** A teacher of the round's course roster, by the platform user id the roster lists. */
    public RoundMember add(RoundAccess.Access a, String userId, Settings s) {
        Round round = a.round();
        requireOpen(round);
        List<RosterMember> roster = em.createQuery("select m from RosterMember m where m.courseId = :c and m.userId = :u", RosterMember.class)
                .setParameter("c", round.courseId()).setParameter("u", userId == null ? "" : userId).getResultList();
        RosterMember teacher = roster.stream().filter(RosterMember::active).filter(RosterMember::teaches).findFirst()
                .orElseThrow(() -> ApiRefusal.invalid("Choose a teacher from the course roster (refresh the roster if they are missing)."));
        boolean exists = !em.createQuery("select m from RoundMember m where m.roundId = :r and m.platformId = :p and m.subject = :s", RoundMember.class)
                .setParameter("r", round.id()).setParameter("p", round.platformId()).setParameter("s", teacher.userId()).getResultList().isEmpty();
        if (exists) {
            throw new ApiRefusal(409, "already_member", "This teacher is already in the round; change their roles in the list instead.");
        }
        RoundMember member = new RoundMember(round.id(), round.platformId(), teacher.userId(), teacher.name(), RoundMember.Joined.ROSTER, now());
        apply(member, s);
        em.persist(member);
        if (member.scorer()) {
            round.allocationOutdated();
        }
        audit.record("member:" + a.member().id(), "round.member-added", "round:" + round.id(), "member:" + member.id() + roles(member));
        return member;
    }

    public RoundMember edit(RoundAccess.Access a, String memberId, long lockVersion, Settings s, boolean active) {
        Round round = a.round();
        requireOpen(round);
        RoundMember member = em.find(RoundMember.class, memberId == null ? "" : memberId);
        if (member == null || !member.roundId().equals(round.id())) {
            throw new ApiRefusal(404, "member_not_found", "No such member in this round.");
        }
        if (member.lockVersion() != lockVersion) {
            throw new jakarta.persistence.OptimisticLockException("member changed meanwhile");
        }
        boolean scoringChanged = member.scorer() != s.scorer() || member.capacity() != s.capacity()
                || !member.teaches().equals(Set.copyOf(s.teaches().stream().map(String::strip).filter(t -> !t.isEmpty()).toList()))
                || member.active() != active;
        apply(member, s);
        member.active(active);
        boolean moderatorLeft = of(round.id()).stream().noneMatch(m -> m.active() && m.moderator());
        if (moderatorLeft) {
            throw new ApiRefusal(409, "last_moderator", "A round needs at least one active moderator.");
        }
        if (scoringChanged) {
            round.allocationOutdated();
        }
        audit.record("member:" + a.member().id(), active ? "round.member-edited" : "round.member-dropped", "round:" + round.id(),
                "member:" + member.id() + roles(member));
        return member;
    }

    private static void apply(RoundMember member, Settings s) {
        try {
            member.roles(s.scorer(), s.moderator());
            member.capacity(s.capacity());
            member.teaches(s.teaches());
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid(e.getMessage());
        }
    }

    private static void requireOpen(Round round) {
        if (round.phase() == Phase.MODERATION || round.phase() == Phase.FINALISED) {
            throw new ApiRefusal(409, "phase_refused", "Scorers can only change until scoring ends.");
        }
    }

    private static String roles(RoundMember m) {
        return (m.scorer() ? " scorer" : "") + (m.moderator() ? " moderator" : "") + (m.active() ? "" : " (dropped)");
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
