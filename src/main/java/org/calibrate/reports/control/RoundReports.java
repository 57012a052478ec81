package org.calibrate.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.calibration.control.Calibrations;
import org.calibrate.rounds.control.Members;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.scoring.control.Scoring;
import org.calibrate.scoring.entity.Score;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.stats.Distributions;
import org.calibrate.stats.ManyFacetRasch;
import org.calibrate.stats.Ratings;
import org.calibrate.stats.RoundStatistics;
import org.calibrate.stats.RaschResult;
import org.calibrate.stats.ScorerDifferences;
import org.calibrate.stats.StandardsDrift;
import org.calibrate.calibration.entity.CalibrationAttempt;
import org.calibrate.calibration.entity.CalibrationItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A round's reliability report: every submitted score (blank responses carry no levels and stay out) as
 * ratings of piece code × scorer × criterion, through the statistics core. Scores are the scorers' own
 * until scoring ends, so the report opens only from moderation on: during scoring a moderator sees counts.
 */
@ApplicationScoped
@Transactional
public class RoundReports {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Calibrations calibrations;
    @Inject
    Members members;
    @Inject
    Scoring scoring;

    /** The statistics with the names people use: scorers by member id → name, criteria by key → name. */
    public record Report(RoundStatistics.Report statistics, List<ScorerDifferences.Difference> differences, List<String> readings,
                         List<Distributions.LevelCounts> levels, List<Distributions.Confusion> confusions,
                         List<StandardsDrift.Criterion> drift, Map<String, String> scorers, Map<String, String> criteria) {
    }

    /**
     * A scorer's own figures: agreement with the other scorers of their pieces, their mean difference from them per
     * criterion, and how they did in calibration. Nothing about any other scorer, not even who they are.
     */
    public record Mine(RoundStatistics.ScorerFigures figures, List<ScorerDifferences.Difference> differences,
                       Calibrations.Result calibration, Map<String, String> criteria, java.util.Optional<RoundStatistics.Report> shared) {
    }

    public Mine mine(Round round, RoundMember me) {
        requireScoringEnded(round);
        Ratings r = ratings(round);
        RoundStatistics.ScorerFigures figures = RoundStatistics.scorers(r).stream().filter(f -> f.scorer().equals(me.id())).findFirst()
                .orElseThrow(() -> new ApiRefusal(409, "no_scores", "You submitted no scores in this round."));
        return new Mine(figures, ScorerDifferences.of(r).stream().filter(d -> d.scorer().equals(me.id())).toList(),
                calibrations.result(round, me.id(), calibrations.items(round.id()).size()), criteria(round),
                // Shared figures are the round's and the criteria's agreement only: no scorer, no pair, no model.
                round.reportShared() ? java.util.Optional.of(RoundStatistics.compute(r, null)) : java.util.Optional.empty());
    }

    public Report of(Round round) {
        requireScoringEnded(round);
        Ratings r = ratings(round);
        Map<String, String> scorers = members.scorerNames(round.id());
        Map<String, String> criteria = criteria(round);
        List<ScorerDifferences.Difference> differences = ScorerDifferences.of(r);
        List<StandardsDrift.Criterion> drift = StandardsDrift.of(rescores(round));
        List<String> readings = new java.util.ArrayList<>(ScorerDifferences.readings(differences, id -> scorers.getOrDefault(id, "A scorer"),
                key -> criteria.getOrDefault(key, key)));
        readings.addAll(StandardsDrift.readings(drift, key -> criteria.getOrDefault(key, key)));
        return new Report(RoundStatistics.compute(r, ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM)), differences, readings,
                Distributions.levels(r), Distributions.confusions(r), drift, scorers, criteria);
    }

    /** The scorers' practice scores of exemplars kept from earlier rounds, against the levels agreed then. */
    private List<StandardsDrift.Rescore> rescores(Round round) {
        Map<String, CalibrationItem> anchors = new HashMap<>();
        calibrations.items(round.id()).stream().filter(i -> i.exemplarId().isPresent()).forEach(i -> anchors.put(i.id(), i));
        List<StandardsDrift.Rescore> out = new java.util.ArrayList<>();
        if (anchors.isEmpty()) {
            return out;
        }
        for (CalibrationAttempt attempt : calibrations.attempts(round.id(), java.util.Optional.empty())) {
            CalibrationItem item = anchors.get(attempt.itemId());
            if (item != null) {
                item.levels().forEach((criterion, agreed) -> {
                    Integer given = attempt.levels().get(criterion);
                    if (given != null) {
                        out.add(new StandardsDrift.Rescore(item.exemplarId().orElseThrow(), criterion, agreed, given));
                    }
                });
            }
        }
        return out;
    }

    /**
     * Each piece's levels adjusted for its scorers' severity (many-facet Rasch fair levels, by piece code and
     * criterion), raw and rounded onto the rubric's levels. Empty, with the reason, when the model cannot be
     * estimated (too few scores, a disconnected design).
     */
    public record Fair(boolean estimated, String reason, Map<String, Map<String, Double>> levels, Map<String, Map<String, Integer>> rounded) {
    }

    public Fair fair(Round round) {
        requireScoringEnded(round);
        Ratings r;
        try {
            r = ratings(round);
        } catch (ApiRefusal e) {
            return new Fair(false, e.getMessage(), Map.of(), Map.of());
        }
        RaschResult rasch = ManyFacetRasch.fit(r, ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
        if (!rasch.estimated()) {
            return new Fair(false, rasch.reason(), Map.of(), Map.of());
        }
        Map<String, RaschResult.LevelRange> ranges = new HashMap<>();
        em.find(Rubric.class, round.rubricId()).definition().criteria()
                .forEach(c -> ranges.put(c.key(), new RaschResult.LevelRange(c.minLevel(), c.maxLevel())));
        Map<String, Map<String, Integer>> rounded = new HashMap<>();
        rasch.fairLevels().forEach((piece, levels) -> rounded.put(piece, RaschResult.rounded(levels, ranges)));
        return new Fair(true, null, rasch.fairLevels(), rounded);
    }

    private static void requireScoringEnded(Round round) {
        if (!round.scoringEnded()) {
            throw new ApiRefusal(409, "report_not_yet", "The report opens when the round moves to moderation: until then scores stay blind.");
        }
    }

    private Map<String, String> criteria(Round round) {
        return em.find(Rubric.class, round.rubricId()).definition().criterionNames();
    }

    /** Every submitted score's levels as ratings of piece code × scorer (member id) × criterion key. */
    private Ratings ratings(Round round) {
        Map<String, String> codes = new HashMap<>();
        em.createQuery("select p.id, p.code from Piece p where p.roundId = :r", Object[].class).setParameter("r", round.id())
                .getResultList().forEach(row -> codes.put((String) row[0], row[1].toString()));
        Ratings.Builder ratings = Ratings.builder();
        int added = 0;
        for (Score s : scoring.submitted(round.id())) {
            for (Map.Entry<String, Integer> level : s.content().levels().entrySet()) {
                // The submission time orders each scorer's scores, for the drift signal (early against late).
                ratings.add(codes.get(s.pieceId()), s.memberId(), level.getKey(), level.getValue(),
                        s.submittedAt().orElse(s.updatedAt()).toEpochMilli());
                added++;
            }
        }
        if (added == 0) {
            throw new ApiRefusal(409, "no_scores", "No submitted scores in this round yet.");
        }
        return ratings.build();
    }
}
