package org.calibrate.scoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.calibration.control.Calibrations;
import org.calibrate.calibration.entity.CalibrationAttempt;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.scoring.entity.PieceFlag;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Progress of a round for its moderators: per scorer and overall, and the flags scorers raised. Counts only, never scores. */
@ApplicationScoped
@Transactional
public class Progress {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Calibrations calibrations;
    @Inject
    AuditLog audit;

    public record ScorerProgress(RoundMember member, int allocated, int submitted, int drafts, Optional<Instant> lastActivity,
                                 Calibrations.Result calibration) {
    }

    public record Overview(long pieces, int seats, int submitted, int drafts, long piecesComplete, List<ScorerProgress> scorers,
                           List<PieceFlag> flags, Map<String, String> codes) {
    }

    /** An unacknowledged sensitive-content flag in a round the caller moderates. */
    public record Alert(Round round, PieceFlag flag, String code) {
    }

    public Overview of(Round round) {
        List<RoundMember> members = em.createQuery("select m from RoundMember m where m.roundId = :r and m.scorer = true order by m.joinedAt, m.id", RoundMember.class)
                .setParameter("r", round.id()).getResultList();
        Map<String, Integer> allocated = counts("select s.memberId, count(s) from Seat s where s.roundId = :r group by s.memberId", round.id());
        Map<String, Integer> submitted = counts("select s.memberId, count(s) from Score s, Seat t where s.roundId = :r and t.pieceId = s.pieceId"
                + " and t.memberId = s.memberId and s.state = 'SUBMITTED' group by s.memberId", round.id());
        Map<String, Integer> drafts = counts("select s.memberId, count(s) from Score s, Seat t where s.roundId = :r and t.pieceId = s.pieceId"
                + " and t.memberId = s.memberId and s.state = 'DRAFT' group by s.memberId", round.id());
        Map<String, Instant> last = new HashMap<>();
        // Each scorer's latest change, read as a mapped attribute: an aggregate such as max(updatedAt) bypasses the
        // mapping's column type, and PostgreSQL's driver then hands the Instant converter a java.sql.Timestamp.
        for (Object[] r : em.createQuery("select s.memberId, s.updatedAt from Score s where s.roundId = :r and not exists"
                        + " (select n.id from Score n where n.memberId = s.memberId and n.updatedAt > s.updatedAt)", Object[].class)
                .setParameter("r", round.id()).getResultList()) {
            last.put((String) r[0], (Instant) r[1]);
        }
        int items = calibrations.items(round.id()).size();
        Map<String, List<CalibrationAttempt>> attempts = new HashMap<>();
        calibrations.attempts(round.id(), Optional.empty()).forEach(x -> attempts.computeIfAbsent(x.memberId(), k -> new ArrayList<>()).add(x));
        List<ScorerProgress> scorers = members.stream().map(m -> new ScorerProgress(m, allocated.getOrDefault(m.id(), 0),
                submitted.getOrDefault(m.id(), 0), drafts.getOrDefault(m.id(), 0), Optional.ofNullable(last.get(m.id())),
                Calibrations.result(round, attempts.getOrDefault(m.id(), List.of()), items))).toList();
        long pieces = em.createQuery("select count(p) from Piece p where p.roundId = :r and p.excludedReason is null", Long.class).setParameter("r", round.id()).getSingleResult();
        // A piece is complete when every seat on it holds a submitted score.
        long complete = em.createQuery("select count(p) from Piece p where p.roundId = :r and exists (select t.id from Seat t where t.pieceId = p.id)"
                        + " and not exists (select t.id from Seat t where t.pieceId = p.id and not exists"
                        + " (select s.id from Score s where s.pieceId = t.pieceId and s.memberId = t.memberId and s.state = 'SUBMITTED'))", Long.class)
                .setParameter("r", round.id()).getSingleResult();
        List<PieceFlag> flags = em.createQuery("select f from PieceFlag f where f.roundId = :r order by f.raisedAt desc", PieceFlag.class)
                .setParameter("r", round.id()).setMaxResults(1000).getResultList();
        Map<String, String> codes = new HashMap<>();
        for (Object[] r : em.createQuery("select p.id, p.code from Piece p where p.roundId = :r and p.id in (select f.pieceId from PieceFlag f where f.roundId = :r)", Object[].class)
                .setParameter("r", round.id()).getResultList()) {
            codes.put((String) r[0], (String) r[1]);
        }
        return new Overview(pieces, allocated.values().stream().mapToInt(Integer::intValue).sum(),
                submitted.values().stream().mapToInt(Integer::intValue).sum(), drafts.values().stream().mapToInt(Integer::intValue).sum(),
                complete, scorers, flags, codes);
    }

    public PieceFlag acknowledge(RoundAccess.Access a, String flagId) {
        PieceFlag flag = flagId == null ? null : em.find(PieceFlag.class, flagId);
        if (flag == null || !flag.roundId().equals(a.round().id())) {
            throw new ApiRefusal(404, "flag_not_found", "No such flag in this round.");
        }
        flag.acknowledge(a.member().id(), Instant.now(Clock.systemUTC()));
        audit.record("member:" + a.member().id(), "flag.acknowledged", "round:" + a.round().id(), "flag:" + flag.id() + " " + flag.kind());
        return flag;
    }

    public String codeOf(PieceFlag flag) {
        return em.find(org.calibrate.rounds.entity.Piece.class, flag.pieceId()).code().value();
    }

    public List<Alert> alerts(RoundAccess.Caller caller) {
        List<Object[]> rows = em.createQuery("select r, f, p.code from ModerationRound r, RoundMember m, PieceFlag f, Piece p where m.roundId = r.id"
                        + " and m.platformId = :pl and m.subject = :s and m.moderator = true and m.active = true and f.roundId = r.id"
                        + " and f.kind = :k and f.acknowledgedAt is null and p.id = f.pieceId order by f.raisedAt desc", Object[].class)
                .setParameter("pl", caller.platformId()).setParameter("s", caller.subject()).setParameter("k", PieceFlag.SENSITIVE)
                .setMaxResults(50).getResultList();
        return rows.stream().map(r -> new Alert((Round) r[0], (PieceFlag) r[1], (String) r[2])).toList();
    }

    private Map<String, Integer> counts(String jpql, String roundId) {
        Map<String, Integer> m = new HashMap<>();
        for (Object[] r : em.createQuery(jpql, Object[].class).setParameter("r", roundId).getResultList()) {
            m.put((String) r[0], ((Number) r[1]).intValue());
        }
        return m;
    }
}
