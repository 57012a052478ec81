package org.calibrate.rubrics.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A rubric as authored: title, criteria with score points, caps and notes to scorers; checked by {@code RubricRules}. */
@JsonbPropertyOrder({"title", "description", "criteria", "caps", "notes"})
public record RubricDefinition(String title, String description, List<Criterion> criteria, List<Cap> caps,
                               List<String> notes) {
    public RubricDefinition {
        description = Texts.orNull(description);
        // Null entries carry nothing worth keeping, and null-free lists keep every rule and lookup simple.
        criteria = criteria == null ? List.of() : criteria.stream().filter(Objects::nonNull).toList();
        caps = caps == null ? List.of() : caps.stream().filter(Objects::nonNull).toList();
        notes = notes == null ? List.of() : notes.stream().filter(Objects::nonNull).toList();
    }

    /** Holistic scoring gives one overall level, i.e. the rubric has exactly one criterion. */
    public boolean holistic() {
        return criteria.size() == 1;
    }

    /** Criterion key → the name people read (the key where a criterion has no name), in rubric order. */
    public java.util.Map<String, String> criterionNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        criteria.forEach(c -> names.put(c.key(), c.name() == null || c.name().isBlank() ? c.key() : c.name()));
        return names;
    }

    public Optional<Criterion> criterion(String key) {
        return criteria.stream().filter(c -> Objects.equals(c.key(), key)).findFirst();
    }

    public int maxTotal() {
        return criteria.stream().mapToInt(Criterion::maxLevel).sum();
    }

    public int minTotal() {
        return criteria.stream().mapToInt(Criterion::minLevel).sum();
    }

    /** "0–4" when every criterion runs over the same levels, "mixed" otherwise, "" without criteria. */
    public String range() {
        if (criteria.isEmpty()) {
            return "";
        }
        Criterion first = criteria.get(0);
        boolean shared = criteria.stream()
                .allMatch(c -> c.minLevel() == first.minLevel() && c.maxLevel() == first.maxLevel());
        return shared ? first.minLevel() + "–" + first.maxLevel() : "mixed";
    }
}
