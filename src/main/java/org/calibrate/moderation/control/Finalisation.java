package org.calibrate.moderation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.grades.control.GradeOutbox;
import org.calibrate.grades.entity.OutboxItem;
import org.calibrate.moderation.entity.PieceResolution;
import org.calibrate.placement.control.Placements;
import org.calibrate.placement.entity.Placement;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.PieceIdentity;
import org.calibrate.rounds.entity.Round;
import org.calibrate.roster.entity.RosterMember;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Finalising a round: every piece's final score frozen, the round closed to change, and each student's grade,
 * converted to the LMS's scale, queued for the gradebook through the grade outbox. The link from piece to
 * student is read here and nowhere else a moderator reaches. Reopening is an audited moderator action.
 */
@ApplicationScoped
@Transactional
public class Finalisation {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Moderation moderation;
    @Inject
    RoundAccess access;
    @Inject
    Placements placements;
    @Inject
    GradeOutbox outbox;
    @Inject
    AuditLog audit;

    /** What still stands between the round and finalising: piece codes by what they wait for. */
    public record Readiness(int pieces, int settled, int resolved, List<String> waiting, List<String> adjudicating,
                            List<String> unscored, boolean gradebook) {
        public boolean ready() {
            return waiting.isEmpty() && adjudicating.isEmpty() && unscored.isEmpty();
        }
    }

    /** One student's grade on its way to the gradebook. */
    public record Grade(String userId, Optional<String> name, double scoreGiven, double scoreMaximum, Optional<OutboxItem> item) {
    }

    public Readiness readiness(Round round) {
        List<String> waiting = new ArrayList<>();
        List<String> adjudicating = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        int settled = 0;
        int resolved = 0;
        List<Moderation.PieceState> states = moderation.pieces(round);
        for (Moderation.PieceState s : states) {
            String code = s.piece().code().value();
            switch (s.state()) {
                case WAITING -> waiting.add(code);
                case ADJUDICATING -> adjudicating.add(code);
                case UNSCORED -> unscored.add(code);
                case SETTLED -> settled++;
                case RESOLVED -> resolved++;
            }
        }
        return new Readiness(states.size(), settled, resolved, waiting, adjudicating, unscored, placement(round).isPresent());
    }

    /**
     * @param returnGrades queue each student's grade for the gradebook (the round must sit in a Calibrate activity)
     */
    public Round finalise(RoundAccess.Access a, long lockVersion, boolean returnGrades) {
        Round round = access.lockForUpdate(a.round());
        round.requireLockVersion(lockVersion);
        Resolutions.requireModeration(round);
        Readiness r = readiness(round);
        if (!r.ready()) {
            throw ApiRefusal.unprocessable("not_ready", "Every piece needs its final score before the round is finalised.", problems(r));
        }
        Optional<Placement> placement = placement(round);
        if (returnGrades && placement.isEmpty()) {
            throw new ApiRefusal(409, "no_gradebook", "This round is not tied to a Calibrate activity with a gradebook column: "
                    + "finalise without returning grades, or create the round from the activity.");
        }
        Instant now = now();
        List<Moderation.PieceState> states = moderation.pieces(round);
        for (Moderation.PieceState s : states) {
            if (s.resolution().isEmpty()) {
                FinalScores.Final f = s.finalScore().orElseThrow();
                PieceResolution frozen = new PieceResolution(s.piece().id(), round.id(), now);
                frozen.freeze(f.method(), f.levels(), f.conditionCode(), now);
                em.persist(frozen);
            }
        }
        round.finalise(now);
        audit.record(actor(a), "round.finalised", "round:" + round.id(), states.size() + " final scores"
                + (returnGrades ? ", grades queued for the gradebook" : ", grades not returned"));
        if (returnGrades) {
            queueGrades(a, round, placement.get(), states);
        }
        return round;
    }

    public Round reopen(RoundAccess.Access a, long lockVersion, String reason) {
        Round round = access.lockForUpdate(a.round());
        round.requireLockVersion(lockVersion);
        if (round.phase() != Phase.FINALISED) {
            throw new ApiRefusal(409, "phase_refused", "Only a finalised round can be reopened.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw ApiRefusal.invalid("Say why the round is reopened (1 to 2,000 characters): it goes in the audit trail.");
        }
        em.createQuery("delete from PieceResolution r where r.roundId = :r and r.automatic = true").setParameter("r", round.id()).executeUpdate();
        round.reopen(now());
        audit.record(actor(a), "round.reopened", "round:" + round.id(), why);
        return round;
    }

    /** Each student's grade from this round and where it stands in the outbox. Moderators only: it names students. */
    public List<Grade> grades(Round round) {
        if (round.phase() != Phase.FINALISED) {
            return List.of();
        }
        Optional<Placement> placement = placement(round);
        RubricDefinition rubric = moderation.rubric(round);
        Map<String, PieceResolution> finals = finals(round);
        Map<String, RosterMember> roster = new HashMap<>();
        em.createQuery("select m from RosterMember m where m.courseId = :c", RosterMember.class).setParameter("c", round.courseId())
                .getResultList().forEach(m -> roster.put(m.userId(), m));
        Map<String, OutboxItem> latest = new HashMap<>();
        placement.ifPresent(p -> outbox.forPlacement(p.id()).forEach(i -> latest.putIfAbsent(i.userId(), i)));
        double max = placement.map(Placement::scoreMaximum).orElse((double) rubric.maxTotal());
        List<Grade> grades = new ArrayList<>();
        for (PieceIdentity id : identities(round)) {
            PieceResolution f = finals.get(id.pieceId());
            if (f == null) {
                continue;
            }
            grades.add(new Grade(id.learnerSubject(), Optional.ofNullable(roster.get(id.learnerSubject())).flatMap(RosterMember::name),
                    grade(round, rubric, f, max), max, Optional.ofNullable(latest.get(id.learnerSubject()))));
        }
        grades.sort(java.util.Comparator.comparing((Grade g) -> g.name().orElse("~")).thenComparing(Grade::userId));
        return grades;
    }

    public OutboxItem retry(RoundAccess.Access a, long itemId, long version) {
        Placement placement = placement(a.round()).orElseThrow(() -> ApiRefusal.notFound("This round returns no grades."));
        Optional<String> student = outbox.find(itemId).map(OutboxItem::userId);
        boolean ours = student.isPresent() && identities(a.round()).stream().anyMatch(i -> i.learnerSubject().equals(student.get()));
        if (!ours) {
            throw ApiRefusal.notFound("No such grade in this round.");
        }
        try {
            return outbox.requeue(placement.id(), itemId, version, actor(a));
        } catch (NoSuchElementException e) {
            throw ApiRefusal.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiRefusal(409, "not_failed", e.getMessage());
        }
    }

    private void queueGrades(RoundAccess.Access a, Round round, Placement placement, List<Moderation.PieceState> states) {
        RubricDefinition rubric = moderation.rubric(round);
        Map<String, PieceResolution> finals = finals(round);
        int queued = 0;
        for (PieceIdentity id : identities(round)) {
            PieceResolution f = finals.get(id.pieceId());
            Optional<String> comment = f.conditionCode().map(c -> "Not scored: " + c.replace('_', ' ') + ".")
                    .or(() -> round.gradeComment() ? f.rationale() : Optional.empty());
            outbox.enqueue(placement, id.learnerSubject(), grade(round, rubric, f, placement.scoreMaximum()), comment, actor(a));
            queued++;
        }
        audit.record(actor(a), "round.grades-queued", "round:" + round.id(), queued + " grade(s) for placement " + placement.id()
                + "; " + (states.size() - queued) + " piece(s) without a student to return to");
    }

    static double grade(Round round, RubricDefinition rubric, PieceResolution f, double scoreMaximum) {
        if (f.conditionCode().isPresent()) {
            return 0;
        }
        int total = f.levels().values().stream().mapToInt(Integer::intValue).sum();
        return round.gradeScale().grade(total, rubric.minTotal(), rubric.maxTotal(), scoreMaximum);
    }

    /** The round's recorded final scores by piece id. */
    private Map<String, PieceResolution> finals(Round round) {
        Map<String, PieceResolution> finals = new HashMap<>();
        em.createQuery("select r from PieceResolution r where r.roundId = :r", PieceResolution.class).setParameter("r", round.id())
                .getResultList().forEach(x -> finals.put(x.pieceId(), x));
        return finals;
    }

    private List<PieceIdentity> identities(Round round) {
        return em.createQuery("select i from PieceIdentity i, Piece p where p.id = i.pieceId and p.roundId = :r", PieceIdentity.class)
                .setParameter("r", round.id()).getResultList();
    }

    private Optional<Placement> placement(Round round) {
        return round.placementId().flatMap(placements::find);
    }

    private static List<String> problems(Readiness r) {
        List<String> p = new ArrayList<>();
        if (!r.waiting().isEmpty()) {
            p.add(r.waiting().size() + " piece(s) wait for a moderator's decision: " + head(r.waiting()));
        }
        if (!r.adjudicating().isEmpty()) {
            p.add(r.adjudicating().size() + " piece(s) are with a third scorer: " + head(r.adjudicating()));
        }
        if (!r.unscored().isEmpty()) {
            p.add(r.unscored().size() + " piece(s) have no submitted score: record a score or a condition code for " + head(r.unscored()));
        }
        return p;
    }

    private static String head(List<String> codes) {
        return String.join(", ", codes.subList(0, Math.min(10, codes.size()))) + (codes.size() > 10 ? " …" : "");
    }


    private static String actor(RoundAccess.Access a) {
        return "member:" + a.member().id();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
