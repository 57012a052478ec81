package org.calibrate.calibration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.calibration.entity.CalibrationAttempt;
import org.calibrate.calibration.entity.CalibrationItem;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rubrics.control.ScoreCheck;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calibration set of a round and the scorers' practice on it: score one, then see the agreed
 * score and why (New York scoring-leader handbook: practise one or two at a time, then review).
 */
@ApplicationScoped
@Transactional
public class Calibrations {
    public static final int MAX_ITEMS = 50;

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    AuditLog audit;

    /** How a scorer did on the calibration set. */
    public record Result(int attempted, int items, double exactShare, double adjacentShare, boolean qualified) {
    }

    public List<CalibrationItem> items(String roundId) {
        return em.createQuery("select i from CalibrationItem i where i.roundId = :r order by i.position", CalibrationItem.class)
                .setParameter("r", roundId).getResultList();
    }

    public Optional<CalibrationItem> item(String roundId, String itemId) {
        CalibrationItem i = itemId == null ? null : em.find(CalibrationItem.class, itemId);
        return Optional.ofNullable(i).filter(x -> x.roundId().equals(roundId));
    }

    public List<CalibrationAttempt> attempts(String roundId, Optional<String> memberId) {
        var query = em.createQuery("select a from CalibrationAttempt a where a.roundId = :r"
                + (memberId.isPresent() ? " and a.memberId = :m" : "") + " order by a.attemptedAt", CalibrationAttempt.class)
                .setParameter("r", roundId);
        memberId.ifPresent(m -> query.setParameter("m", m));
        return query.getResultList();
    }

    public CalibrationItem add(RoundAccess.Access a, String text, Map<String, Integer> levels, Optional<String> annotation) {
        return add(a, text, levels, annotation, Optional.empty());
    }

    /** @param exemplarId the exemplar the practice piece comes from, if it does */
    public CalibrationItem add(RoundAccess.Access a, String text, Map<String, Integer> levels, Optional<String> annotation,
                               Optional<String> exemplarId) {
        Round round = a.round();
        if (round.phase() != Phase.SETUP && round.phase() != Phase.CALIBRATION) {
            throw new ApiRefusal(409, "phase_refused", "The calibration set can change only before live scoring.");
        }
        List<CalibrationItem> items = items(round.id());
        if (items.size() >= MAX_ITEMS) {
            throw ApiRefusal.invalid("A calibration set holds at most " + MAX_ITEMS + " practice pieces.");
        }
        List<String> problems = ScoreCheck.problems(rubric(round), levels, Set.of(), true);
        if (!problems.isEmpty()) {
            throw ApiRefusal.unprocessable("invalid_score", "The agreed score does not fit the round's rubric.", problems);
        }
        CalibrationItem item;
        try {
            item = new CalibrationItem(round.id(), items.stream().mapToInt(CalibrationItem::position).max().orElse(0) + 1,
                    text, levels, annotation, now());
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid(e.getMessage());
        }
        exemplarId.ifPresent(item::fromExemplar);
        em.persist(item);
        audit.record("member:" + a.member().id(), "calibration.item-added", "round:" + round.id(), "item:" + item.id() + " " + levels);
        return item;
    }

    public void remove(RoundAccess.Access a, String itemId) {
        CalibrationItem item = item(a.round().id(), itemId).orElseThrow(() -> new ApiRefusal(404, "item_not_found", "No such practice piece in this round."));
        long tried = em.createQuery("select count(x) from CalibrationAttempt x where x.itemId = :i", Long.class).setParameter("i", item.id()).getSingleResult();
        if (tried > 0) {
            throw new ApiRefusal(409, "item_in_use", "Scorers have already practised on this piece; it stays in the set.");
        }
        em.remove(item);
        audit.record("member:" + a.member().id(), "calibration.item-removed", "round:" + a.round().id(), "item:" + item.id());
    }

    /** One try per item; the answer carries the agreed score, which the scorer sees only now. */
    public CalibrationAttempt attempt(RoundAccess.Access a, String itemId, Map<String, Integer> levels, Set<String> caps) {
        Round round = a.round();
        if (round.phase() != Phase.CALIBRATION && round.phase() != Phase.SCORING) {
            throw new ApiRefusal(409, "phase_refused", "Practice is open during calibration and scoring.");
        }
        CalibrationItem item = item(round.id(), itemId).orElseThrow(() -> new ApiRefusal(404, "item_not_found", "No such practice piece in this round."));
        boolean done = !em.createQuery("select x from CalibrationAttempt x where x.itemId = :i and x.memberId = :m", CalibrationAttempt.class)
                .setParameter("i", item.id()).setParameter("m", a.member().id()).getResultList().isEmpty();
        if (done) {
            throw new ApiRefusal(409, "already_attempted", "You have already scored this practice piece.");
        }
        List<String> problems = ScoreCheck.problems(rubric(round), levels, caps, true);
        if (!problems.isEmpty()) {
            throw ApiRefusal.unprocessable("invalid_score", "The score is not complete yet.", problems);
        }
        Map<String, Integer> agreed = item.levels();
        boolean exact = agreed.entrySet().stream().allMatch(e -> e.getValue().equals(levels.get(e.getKey())));
        boolean adjacent = agreed.entrySet().stream().allMatch(e -> levels.get(e.getKey()) != null && Math.abs(e.getValue() - levels.get(e.getKey())) <= 1);
        CalibrationAttempt attempt = new CalibrationAttempt(round.id(), item.id(), a.member().id(), levels, caps, exact, adjacent, now());
        em.persist(attempt);
        audit.record("member:" + a.member().id(), "calibration.attempted", "round:" + round.id(), "item:" + item.id() + (exact ? " exact" : adjacent ? " adjacent" : " off"));
        return attempt;
    }

    public Result result(Round round, String memberId, int items) {
        List<CalibrationAttempt> mine = attempts(round.id(), Optional.of(memberId));
        return result(round, mine, items);
    }

    public static Result result(Round round, List<CalibrationAttempt> mine, int items) {
        int attempted = mine.size();
        double exact = attempted == 0 ? 0 : mine.stream().filter(CalibrationAttempt::exact).count() / (double) attempted;
        double adjacent = attempted == 0 ? 0 : mine.stream().filter(CalibrationAttempt::adjacent).count() / (double) attempted;
        boolean qualified = items > 0 && attempted >= items && exact + 1e-9 >= round.qualifyingAgreement();
        return new Result(attempted, items, exact, adjacent, qualified);
    }

    /** Live scoring is open to this scorer: the round does not require calibration, or they qualified. */
    public boolean mayScore(Round round, String memberId) {
        if (!round.calibrationRequired()) {
            return true;
        }
        return result(round, memberId, items(round.id()).size()).qualified();
    }

    public RubricDefinition rubric(Round round) {
        return em.find(Rubric.class, round.rubricId()).definition();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
