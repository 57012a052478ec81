package org.calibrate.moderation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.rounds.control.Members;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.scoring.control.Scoring;
import org.calibrate.scoring.entity.Score;
import org.calibrate.session.boundary.ApiRefusal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The collective scoring chart of the seeds: every piece (by code) against every scorer who scored it, with the
 * levels per criterion, the total and the piece's agreement status. Submitted scores only; opens when scoring
 * ends, like every view that shows one scorer's levels beside another's.
 */
@ApplicationScoped
@Transactional
public class ScoringChart {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Members members;
    @Inject
    Scoring scoring;

    public record Cell(String scorer, Map<String, Integer> levels, Integer total, String conditionCode) {
    }

    public record Row(String code, List<Cell> cells, PieceAgreement.Status status, int spread) {
    }

    public record Chart(Map<String, String> criteria, Map<String, String> scorers, List<Row> rows) {
    }

    public Chart of(Round round) {
        if (!round.scoringEnded()) {
            throw new ApiRefusal(409, "chart_not_yet", "The scoring chart opens when the round moves to moderation: until then scores stay blind.");
        }
        Map<String, String> criteria = em.find(Rubric.class, round.rubricId()).definition().criterionNames();
        Map<String, String> scorers = members.scorerNames(round.id());
        Map<String, List<Score>> byPiece = new HashMap<>();
        scoring.submitted(round.id()).forEach(s -> byPiece.computeIfAbsent(s.pieceId(), k -> new ArrayList<>()).add(s));
        List<Row> rows = new ArrayList<>();
        for (Piece p : em.createQuery("select p from Piece p where p.roundId = :r and p.excludedReason is null", Piece.class).setParameter("r", round.id()).getResultList()) {
            List<Score> scores = byPiece.getOrDefault(p.id(), List.of());
            List<Cell> cells = scores.stream().sorted(Comparator.comparing(Score::memberId)).map(s -> {
                Map<String, Integer> levels = s.content().levels();
                return new Cell(s.memberId(), levels, levels.isEmpty() ? null : levels.values().stream().mapToInt(Integer::intValue).sum(),
                        s.content().conditionCode().orElse(null));
            }).toList();
            PieceAgreement.Outcome o = PieceAgreement.of(cells.stream().map(Cell::levels).toList(), criteria.keySet());
            rows.add(new Row(p.code().value(), cells, o.status(), o.spread()));
        }
        // Discrepant first, largest disagreement first, as the moderation meeting takes them.
        rows.sort(Comparator.comparing((Row r) -> r.status() != PieceAgreement.Status.DISCREPANT)
                .thenComparing(Comparator.comparingInt(Row::spread).reversed()).thenComparing(Row::code));
        return new Chart(criteria, scorers, List.copyOf(rows));
    }
}
