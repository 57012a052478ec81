package org.calibrate.exemplars.control;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An anchor set as it leaves the exemplar library: the rubric it was scored on and the exemplars, each with the
 * score point it illustrates, its annotation and the student text. What the HTML and PDF exports render.
 */
public record AnchorSet(String title, Optional<String> task, String rubricTitle, List<Criterion> criteria, List<Anchor> anchors,
                        Instant exportedAt) {

    public AnchorSet {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(task, "task (Optional.empty() when there is none)");
        Objects.requireNonNull(rubricTitle, "rubricTitle");
        Objects.requireNonNull(exportedAt, "exportedAt");
        criteria = List.copyOf(criteria);
        anchors = List.copyOf(anchors);
        Set<String> keys = new HashSet<>();
        for (Criterion c : criteria) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("The rubric names criterion '" + c.key() + "' twice: give each criterion its own key.");
            }
        }
        for (Anchor a : anchors) {
            a.criterion().filter(k -> !keys.contains(k)).ifPresent(k -> {
                throw new IllegalArgumentException(a.label() + " illustrates criterion '" + k + "', which the rubric does not have: "
                        + "use one of " + keys + ", or no criterion for the whole piece.");
            });
        }
    }

    /** levels: score point -> descriptor, highest first when rendered */
    public record Criterion(String key, String name, SortedMap<Integer, String> descriptors) {
        public Criterion {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            // Natural order whatever the caller's map sorts by; the exports reverse it themselves.
            TreeMap<Integer, String> copy = new TreeMap<>();
            descriptors.forEach((point, text) -> copy.put(Objects.requireNonNull(point, "score point"),
                    Objects.requireNonNull(text, () -> "descriptor of score point " + point + " on " + name)));
            descriptors = Collections.unmodifiableSortedMap(copy);
        }
    }

    /** label: e.g. "Exemplar 3"; criterion: the key it illustrates, or empty when it illustrates the whole piece; level: the score point it illustrates; levels: its final level on every criterion */
    public record Anchor(String label, Optional<String> criterion, int level, Map<String, Integer> levels, String annotation, String text) {
        public Anchor {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(criterion, "criterion (Optional.empty() for the whole piece)");
            Objects.requireNonNull(annotation, "annotation");
            Objects.requireNonNull(text, "text");
            levels = Map.copyOf(levels);
        }
    }
}
