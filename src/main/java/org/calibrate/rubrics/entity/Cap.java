package org.calibrate.rubrics.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * A rule that limits levels once the scorer ticks its condition, such as "the prompt requires two texts
 * and the response references only one" → at most 2 on the criteria it applies to (none listed = all).
 */
@JsonbPropertyOrder({"key", "condition", "maxLevel", "criteria"})
public record Cap(String key, String condition, @JsonbProperty("max_level") int maxLevel, List<String> criteria) {
    public Cap {
        criteria = criteria == null ? List.of() : criteria.stream().filter(Objects::nonNull).toList();
    }

    public boolean appliesTo(String criterionKey) {
        return criteria.isEmpty() || criteria.contains(criterionKey);
    }
}
