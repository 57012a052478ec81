package org.calibrate.allocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.allocation.entity.Allocation;
import org.calibrate.allocation.entity.AllocationPiece;
import org.calibrate.allocation.entity.AllocationRun;
import org.calibrate.allocation.entity.AllocationScorer;
import org.calibrate.allocation.entity.Design;
import org.calibrate.allocation.entity.Seat;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.runtime.JsonText;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the {@link Allocator} for a round and stores its seats. A re-run (a scorer dropped out, one
 * joined) keeps every seat whose scorer has started or submitted a score; a scorer who left keeps
 * the seats they submitted, and those count towards the piece's scorers.
 */
@ApplicationScoped
@Transactional
public class Allocations {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    RoundAccess access;
    @Inject
    AuditLog audit;

    /** What the moderator sees: seed, loads, pair counts, conflicts avoided, pieces left without all their scorers. */
    public record Summary(long seed, Instant runAt, Map<String, Integer> load, Map<String, Map<String, Integer>> pairs,
                          int conflictsAvoided, Map<String, String> unallocated, int kept, boolean stale) {
    }

    public Summary run(RoundAccess.Access a, long lockVersion, Optional<Long> seed) {
        Round round = access.lockForUpdate(a.round());
        round.requireLockVersion(lockVersion);
        Phase phase = round.phase();
        if (phase != Phase.SETUP && phase != Phase.CALIBRATION && phase != Phase.SCORING) {
            throw new ApiRefusal(409, "phase_refused", "Allocation can run only until scoring ends.");
        }
        List<Piece> pieces = em.createQuery("select p from Piece p where p.roundId = :r and p.excludedReason is null", Piece.class).setParameter("r", round.id()).getResultList();
        List<RoundMember> members = em.createQuery("select m from RoundMember m where m.roundId = :r", RoundMember.class)
                .setParameter("r", round.id()).getResultList();
        List<RoundMember> scorers = members.stream().filter(RoundMember::active).filter(RoundMember::scorer).toList();
        if (pieces.isEmpty()) {
            throw new ApiRefusal(409, "nothing_to_allocate", "Add the pieces to score before allocating them.");
        }
        if (scorers.isEmpty()) {
            throw new ApiRefusal(409, "nothing_to_allocate", "Add scorers before allocating the pieces.");
        }
        Set<String> activeScorers = new HashSet<>(scorers.stream().map(RoundMember::id).toList());

        // Work already begun stays where it is.
        Map<String, Set<String>> kept = new HashMap<>();
        int keptSeats = 0;
        for (Object[] row : em.createQuery("select s.pieceId, s.memberId, s.state from Score s where s.roundId = :r", Object[].class)
                .setParameter("r", round.id()).getResultList()) {
            String member = (String) row[1];
            boolean submitted = "SUBMITTED".equals(row[2]);
            if (activeScorers.contains(member) || submitted) {
                kept.computeIfAbsent((String) row[0], k -> new HashSet<>()).add(member);
                keptSeats++;
            }
        }
        long s = seed.orElse(round.seed());
        int perPiece = round.allScoreAll() ? scorers.size() : round.scorersPerPiece();
        Design design;
        try {
            design = new Design(Math.max(1, perPiece), round.allScoreAll() ? 1.0 : round.multiScoredShare(), s);
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid(e.getMessage());
        }
        List<AllocationPiece> ap = pieces.stream().map(p -> new AllocationPiece(p.id(), p.origin().map(Set::of).orElse(Set.of()))).toList();
        List<AllocationScorer> as = scorers.stream()
                .map(m -> new AllocationScorer(m.id(), round.capacityWeighted() ? m.capacity() : 1, m.teaches())).toList();
        Allocation allocation = new Allocator().allocate(ap, as, design, kept);

        store(round, allocation, kept);
        AllocationRun run = Optional.ofNullable(em.find(AllocationRun.class, round.id())).orElseGet(() -> {
            AllocationRun r = new AllocationRun(round.id());
            em.persist(r);
            return r;
        });
        Map<String, String> unallocated = new TreeMap<>();
        Map<String, String> codes = new HashMap<>();
        pieces.forEach(p -> codes.put(p.id(), p.code().value()));
        allocation.unallocated().forEach((pieceId, reason) -> unallocated.put(codes.get(pieceId), reason));
        Instant now = Instant.now(Clock.systemUTC());
        run.ran(s, allocation.conflictsAvoided(), keptSeats, JsonText.write(unallocated), a.member().id(), now);
        round.allocated(now);
        audit.record("member:" + a.member().id(), "round.allocated", "round:" + round.id(),
                "seed " + s + ", " + pieces.size() + " pieces, " + scorers.size() + " scorers, " + keptSeats + " seats kept, "
                        + unallocated.size() + " unallocated");
        return summary(round).orElseThrow();
    }

    private void store(Round round, Allocation allocation, Map<String, Set<String>> kept) {
        Map<String, Seat> existing = new HashMap<>();
        for (Seat seat : em.createQuery("select s from Seat s where s.roundId = :r and s.kind = 'scoring'", Seat.class).setParameter("r", round.id()).getResultList()) {
            existing.put(seat.pieceId() + "|" + seat.memberId(), seat);
        }
        Set<String> wanted = new HashSet<>();
        allocation.scorersByPiece().forEach((piece, scorers) -> scorers.forEach(m -> wanted.add(piece + "|" + m)));
        kept.forEach((piece, ms) -> ms.forEach(m -> wanted.add(piece + "|" + m)));
        for (Map.Entry<String, Seat> e : existing.entrySet()) {
            if (!wanted.contains(e.getKey())) {
                em.remove(e.getValue());
            }
        }
        allocation.queues().forEach((member, queue) -> {
            for (int i = 0; i < queue.size(); i++) {
                String key = queue.get(i) + "|" + member;
                Seat seat = existing.get(key);
                if (seat == null) {
                    em.persist(new Seat(round.id(), queue.get(i), member, i));
                } else {
                    seat.position(i);
                }
            }
        });
    }

    /** The stored allocation, described from its seats; empty before the first run. */
    public Optional<Summary> summary(Round round) {
        AllocationRun run = em.find(AllocationRun.class, round.id());
        if (run == null) {
            return Optional.empty();
        }
        em.flush();
        List<Object[]> seats = em.createQuery("select s.pieceId, s.memberId from Seat s where s.roundId = :r and s.kind = 'scoring'", Object[].class)
                .setParameter("r", round.id()).getResultList();
        Map<String, List<String>> byPiece = new HashMap<>();
        Map<String, Integer> load = new TreeMap<>();
        em.createQuery("select m.id from RoundMember m where m.roundId = :r and m.scorer = true and m.active = true", String.class)
                .setParameter("r", round.id()).getResultList().forEach(m -> load.put(m, 0));
        for (Object[] row : seats) {
            byPiece.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
            load.merge((String) row[1], 1, Integer::sum);
        }
        Map<String, Map<String, Integer>> pairs = new TreeMap<>();
        load.keySet().forEach(m -> {
            Map<String, Integer> rowMap = new TreeMap<>();
            load.keySet().stream().filter(o -> !o.equals(m)).forEach(o -> rowMap.put(o, 0));
            pairs.put(m, rowMap);
        });
        for (List<String> ms : byPiece.values()) {
            for (String x : ms) {
                for (String y : ms) {
                    if (!x.equals(y)) {
                        pairs.computeIfAbsent(x, k -> new TreeMap<>()).merge(y, 1, Integer::sum);
                    }
                }
            }
        }
        return Optional.of(new Summary(run.seed(), run.runAt(), load, pairs, run.conflictsAvoided(),
                readReasons(run.unallocatedJson()), run.kept(), round.allocationStale()));
    }

    private static Map<String, String> readReasons(String json) {
        Map<String, String> m = new TreeMap<>();
        jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject()
                .forEach((k, v) -> m.put(k, ((jakarta.json.JsonString) v).getString()));
        return m;
    }
}
