package org.calibrate.grades.entity;

import java.util.Optional;

/** AGS 2.0 §3.3 result: the platform's current grade for one learner on one line item. */
public record Result(String userId, Optional<Double> resultScore, Optional<Double> resultMaximum, Optional<String> comment) {
}
