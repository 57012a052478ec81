package org.calibrate.rubrics.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One score point of a criterion: its level, a short label and the descriptor scorers match work against. */
@JsonbPropertyOrder({"level", "label", "descriptor"})
public record ScorePoint(int level, String label, String descriptor) {
    public ScorePoint {
        descriptor = Texts.orNull(descriptor);
    }
}
