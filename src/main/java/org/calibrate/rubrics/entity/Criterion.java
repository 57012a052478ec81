package org.calibrate.rubrics.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One criterion of a rubric (a holistic rubric has exactly one) with its score points. */
@JsonbPropertyOrder({"key", "name", "description", "points"})
public record Criterion(String key, String name, String description, List<ScorePoint> points) {
    public Criterion {
        description = Texts.orNull(description);
        points = points == null ? List.of() : points.stream().filter(Objects::nonNull).toList();
    }

    /** The lowest level, or 0 for a criterion without points (which {@code RubricRules} refuses). */
    public int minLevel() {
        return points.stream().mapToInt(ScorePoint::level).min().orElse(0);
    }

    /** The highest level, or 0 for a criterion without points. */
    public int maxLevel() {
        return points.stream().mapToInt(ScorePoint::level).max().orElse(0);
    }

    public Optional<ScorePoint> point(int level) {
        return points.stream().filter(p -> p.level() == level).findFirst();
    }
}
