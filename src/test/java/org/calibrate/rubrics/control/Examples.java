package org.calibrate.rubrics.control;

import org.calibrate.rubrics.entity.Cap;
import org.calibrate.rubrics.entity.Criterion;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.rubrics.entity.ScorePoint;

import java.util.ArrayList;
import java.util.List;

/** Small valid rubrics for the tests to start from and break one rule at a time. */
final class Examples {
    private Examples() {
    }

    static List<ScorePoint> levels(int from, int to) {
        List<ScorePoint> points = new ArrayList<>();
        for (int level = from; level <= to; level++) {
            points.add(new ScorePoint(level, String.valueOf(level), "Descriptor for " + level));
        }
        return points;
    }

    static Criterion criterion(String key, String name, int from, int to) {
        return new Criterion(key, name, "The extent to which " + name.toLowerCase() + " shows.", levels(from, to));
    }

    /** Four criteria 0–4, a cap of 2 on all of them and a cap of 1 on "evidence" only. */
    static RubricDefinition analytic() {
        return new RubricDefinition("Expository writing", "Grades 6–8",
                List.of(criterion("content", "Content and analysis", 0, 4),
                        criterion("evidence", "Command of evidence", 0, 4),
                        criterion("coherence", "Coherence, organization, and style", 0, 4),
                        criterion("conventions", "Control of conventions", 0, 4)),
                List.of(new Cap("one-text", "The prompt requires two texts and the response references only one", 2, List.of()),
                        new Cap("no-quotes", "The response quotes nothing", 1, List.of("evidence"))),
                List.of("Score the best fit."));
    }

    static RubricDefinition holistic(int from, int to) {
        return new RubricDefinition("Short response", null, List.of(criterion("response", "Response", from, to)),
                List.of(), List.of());
    }

    static RubricDefinition withCriteria(RubricDefinition r, List<Criterion> criteria) {
        return new RubricDefinition(r.title(), r.description(), criteria, r.caps(), r.notes());
    }

    static RubricDefinition withCaps(RubricDefinition r, List<Cap> caps) {
        return new RubricDefinition(r.title(), r.description(), r.criteria(), caps, r.notes());
    }

    static RubricDefinition withPoints(RubricDefinition r, List<ScorePoint> points) {
        Criterion first = r.criteria().get(0);
        List<Criterion> criteria = new ArrayList<>(r.criteria());
        criteria.set(0, new Criterion(first.key(), first.name(), first.description(), points));
        return withCriteria(r, criteria);
    }
}
