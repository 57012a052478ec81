package org.calibrate.scoring.control;

import org.calibrate.allocation.entity.Seat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.calibration.control.Calibrations;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.PieceCode;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rubrics.control.ScoreCheck;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.scoring.entity.PieceFlag;
import org.calibrate.scoring.entity.Score;
import org.calibrate.scoring.entity.ScoreChange;
import org.calibrate.scoring.entity.ScoreContent;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scorer's own work: their queue in its random order, the pieces allocated to them and their own
 * scores of those. Every query here is bound to the calling scorer's membership: nothing reaches a
 * scorer about another scorer's seat or score.
 */
@ApplicationScoped
@Transactional
public class Scoring {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Calibrations calibrations;

    /** One entry of a queue. */
    public record Entry(PieceCode code, int position, String state) {
    }

    /** A piece on the scorer's desk: where it stands in their queue, the piece, their own score if any, and whether they may score it now. */
    public record Work(Piece piece, int position, int allocated, Optional<Score> score, boolean editable) {
    }

    /** Every submitted score of a round: what the chart and the report are made of. */
    public List<Score> submitted(String roundId) {
        return em.createQuery("select s from Score s where s.roundId = :r and s.state = 'SUBMITTED' and s.adjudication = false", Score.class)
                .setParameter("r", roundId).getResultList();
    }

    public List<Entry> queue(RoundAccess.Access a) {
        requireOpened(a.round());
        List<Object[]> rows = em.createQuery("select p.code, s.position, p.id from Seat s, Piece p where s.memberId = :m and p.id = s.pieceId"
                + seatsOpen(a.round()) + " order by s.position", Object[].class).setParameter("m", a.member().id()).getResultList();
        Map<String, String> states = new HashMap<>();
        for (Object[] r : em.createQuery("select sc.pieceId, sc.state from Score sc where sc.memberId = :m", Object[].class)
                .setParameter("m", a.member().id()).getResultList()) {
            states.put((String) r[0], ((String) r[1]).toLowerCase(java.util.Locale.ROOT));
        }
        List<Entry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            entries.add(new Entry(new PieceCode((String) r[0]), i + 1, states.getOrDefault((String) r[2], "todo")));
        }
        return entries;
    }

    /** The first piece of the queue not yet submitted: the one query a scorer makes between every two pieces. */
    public Optional<PieceCode> next(RoundAccess.Access a) {
        requireOpened(a.round());
        return em.createQuery("select p.code from Seat s, Piece p where s.memberId = :m and p.id = s.pieceId" + seatsOpen(a.round()) + " and not exists"
                        + " (select sc.id from Score sc where sc.pieceId = s.pieceId and sc.memberId = :m and sc.state = 'SUBMITTED')"
                        + " order by s.position", String.class)
                .setParameter("m", a.member().id()).setMaxResults(1).getResultList().stream().findFirst().map(PieceCode::new);
    }

    public Work work(RoundAccess.Access a, String code) {
        requireOpened(a.round());
        Piece piece = allocatedPiece(a, code);
        List<Object[]> seats = em.createQuery("select s.pieceId, s.position from Seat s where s.memberId = :m" + seatsOpen(a.round()) + " order by s.position", Object[].class)
                .setParameter("m", a.member().id()).getResultList();
        int position = 0;
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i)[0].equals(piece.id())) {
                position = i + 1;
            }
        }
        return new Work(piece, position, seats.size(), own(piece, a.member().id()), open(a.round(), seat(piece, a.member().id())));
    }

    /**
     * Saves the scorer's score: a draft (autosave; partial levels allowed) or a submission (every
     * criterion, unless the response is blank). Caps the scorer ticked are enforced. The lock version is
     * absent for the first save and must match afterwards: two tabs cannot overwrite each other.
     */
    public Score save(RoundAccess.Access a, String code, Optional<Long> lockVersion, ScoreContent content, boolean submit) {
        Round round = a.round();
        Piece piece = allocatedPiece(a, code);
        Seat seat = seat(piece, a.member().id());
        boolean adjudication = seat.adjudication();
        if (!open(round, seat)) {
            throw new ApiRefusal(409, "phase_refused", round.phase().ordinal() < Phase.SCORING.ordinal()
                    ? "Live scoring has not started in this round yet." : "Scoring has closed in this round; scores can no longer change.");
        }
        if (!adjudication && !calibrations.mayScore(round, a.member().id())) {
            throw new ApiRefusal(403, "calibrate_first", "This round asks scorers to qualify on the calibration set before live scoring.");
        }
        RubricDefinition rubric = calibrations.rubric(round);
        ScoreContent c = content.blank()
                ? new ScoreContent(Map.of(), Set.of(), content.conditionCode(), content.flags(), content.suggestedCondition(),
                content.flagNote(), content.rationale(), content.evidence())
                : content;
        Optional<Score> existing = own(piece, a.member().id());
        // A submitted score stays complete: revising it is a resubmission, never a step back to a partial draft.
        boolean complete = submit || existing.map(e -> e.state() == Score.State.SUBMITTED).orElse(false);
        List<String> problems = ScoreCheck.problems(rubric, c.levels(), c.caps(), complete && !c.blank());
        if (!problems.isEmpty()) {
            throw ApiRefusal.unprocessable("invalid_score", complete ? "The score cannot be submitted yet." : "The draft could not be saved.", problems);
        }
        Instant now = Instant.now(Clock.systemUTC());
        Score score;
        String before;
        if (existing.isEmpty()) {
            if (lockVersion.isPresent()) {
                throw new OptimisticLockException("score vanished");
            }
            score = new Score(round.id(), piece.id(), a.member().id(), now);
            score.adjudication(adjudication);
            em.persist(score);
            before = null;
        } else {
            score = existing.get();
            if (lockVersion.isEmpty() || lockVersion.get() != score.lockVersion()) {
                throw new OptimisticLockException("score changed meanwhile");
            }
            before = score.auditJson();
        }
        boolean wasSubmitted = score.state() == Score.State.SUBMITTED;
        score.update(c, submit || wasSubmitted, now);
        String after = score.auditJson();
        if (!after.equals(before)) {
            em.persist(new ScoreChange(score.id(), a.member().id(), now, before, after));
        }
        raiseFlags(round, piece, a.member().id(), c, now);
        em.flush();
        return score;
    }

    /** The audit trail of the caller's own score of a piece, oldest first. */
    public List<ScoreChange> history(RoundAccess.Access a, String code) {
        Piece piece = allocatedPiece(a, code);
        return own(piece, a.member().id()).map(s -> em.createQuery("select c from ScoreChange c where c.scoreId = :s order by c.changedAt, c.id", ScoreChange.class)
                .setParameter("s", s.id()).getResultList()).orElse(List.of());
    }

    /** The flags on the score, kept in step with what the scorer ticks; acknowledged ones stay for the record. */
    private void raiseFlags(Round round, Piece piece, String memberId, ScoreContent c, Instant now) {
        Map<String, Optional<String>> wanted = new LinkedHashMap<>();
        c.flags().forEach(f -> wanted.put(f.key(), c.flagNote()));
        c.suggestedCondition().ifPresent(s -> wanted.put(PieceFlag.CONDITION_PREFIX + s.key(), c.flagNote()));
        List<PieceFlag> current = em.createQuery("select f from PieceFlag f where f.pieceId = :p and f.memberId = :m", PieceFlag.class)
                .setParameter("p", piece.id()).setParameter("m", memberId).getResultList();
        for (PieceFlag f : current) {
            if (!wanted.containsKey(f.kind())) {
                if (f.acknowledgedAt().isEmpty()) {
                    em.remove(f);
                }
            } else {
                f.noted(wanted.remove(f.kind()));
            }
        }
        wanted.forEach((kind, note) -> em.persist(new PieceFlag(round.id(), piece.id(), memberId, kind, note, now)));
    }

    private Seat seat(Piece piece, String memberId) {
        return em.createQuery("select s from Seat s where s.pieceId = :p and s.memberId = :m", Seat.class)
                .setParameter("p", piece.id()).setParameter("m", memberId).getSingleResult();
    }

    /** A third scorer scores a discrepant piece while the round is in moderation; everyone else only during scoring. */
    private static boolean open(Round round, Seat seat) {
        return round.phase() == Phase.SCORING || (seat.adjudication() && round.phase() == Phase.MODERATION);
    }

    /** Once scoring has closed, a scorer's desk holds only the pieces they adjudicate. */
    private static String seatsOpen(Round round) {
        return round.phase().ordinal() > Phase.SCORING.ordinal() ? " and s.kind = 'adjudication'" : "";
    }

    private Optional<Score> own(Piece piece, String memberId) {
        return em.createQuery("select s from Score s where s.pieceId = :p and s.memberId = :m", Score.class)
                .setParameter("p", piece.id()).setParameter("m", memberId).getResultList().stream().findFirst();
    }

    /** The piece, if it is on this scorer's queue; any other code is "not found", whether it exists or not. */
    private Piece allocatedPiece(RoundAccess.Access a, String code) {
        ApiRefusal notFound = new ApiRefusal(404, "piece_not_found", "No such piece in your queue.");
        PieceCode pc = PieceCode.parse(code).orElseThrow(() -> notFound);
        List<Piece> found = em.createQuery("select p from Piece p, Seat s where p.roundId = :r and p.code = :c and s.pieceId = p.id"
                        + " and s.memberId = :m", Piece.class)
                .setParameter("r", a.round().id()).setParameter("c", pc.value()).setParameter("m", a.member().id()).getResultList();
        return found.stream().findFirst().orElseThrow(() -> notFound);
    }

    private static void requireOpened(Round round) {
        if (round.phase().ordinal() < Phase.SCORING.ordinal()) {
            throw new ApiRefusal(409, "phase_refused", "Live scoring has not started in this round yet.");
        }
    }
}
