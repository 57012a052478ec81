package org.calibrate.exemplars.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An anchor set with hostile texts, anchors given out of order, and a whole-piece group. */
final class SampleAnchorSet {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ANNOTATION = "The writer \"quotes\" & <b>weighs</b> both sources before taking a side.";
    static final String STUDENT_SENTENCE = "Homework should be limited because rest matters as much as practice.";
    static final String STUDENT_TEXT = STUDENT_SENTENCE + "\nMy second line stays in the same paragraph.\n\n"
            + "Some readers will try this: " + SCRIPT + " and it must stay text.\r\n\r\nA bell \u0007 rings.";
    /** Exemplar labels in the order the exports must show them. */
    static final List<String> ORDER = List.of("Exemplar 5", "Exemplar 2", "Exemplar 3", "Exemplar 4", "Exemplar 6", "Exemplar 1");

    private SampleAnchorSet() {
    }

    static AnchorSet of() {
        return of(Optional.of("Should schools limit homework?\nArgue with at least two sources."));
    }

    static AnchorSet of(Optional<String> task) {
        List<AnchorSet.Criterion> criteria = List.of(
                new AnchorSet.Criterion("content", "Content", new TreeMap<>(Map.of(
                        1, "Retells the topic", 2, "States a claim", 3, "Develops the claim", 4, "Argues with insight"))),
                new AnchorSet.Criterion("evidence", "Evidence & <use> of sources", new TreeMap<>(Map.of(
                        1, "No sources", 2, "One source named", 4, "Sources weighed against each other"))));
        Map<String, Integer> levels = Map.of("content", 3, "evidence", 2);
        List<AnchorSet.Anchor> anchors = List.of(
                new AnchorSet.Anchor("Exemplar 1", Optional.of("evidence"), 2, levels, "Names one source.", "Text one."),
                new AnchorSet.Anchor("Exemplar 2", Optional.empty(), 3, levels, "Solid throughout.", "Text two."),
                new AnchorSet.Anchor("Exemplar 3", Optional.of("content"), 4, Map.of("content", 4), ANNOTATION, STUDENT_TEXT),
                new AnchorSet.Anchor("Exemplar 4", Optional.of("content"), 2, levels, "A claim, no more.", "Text four."),
                new AnchorSet.Anchor("Exemplar 5", Optional.empty(), 4, Map.of("content", 4, "evidence", 4), "Strong on all counts.", "Text five."),
                new AnchorSet.Anchor("Exemplar 6", Optional.of("evidence"), 4, levels, "Weighs the sources.", "Text six."));
        return new AnchorSet("Year 9 argument anchors", task, "Argument rubric v2", criteria, anchors, Instant.parse("2025-03-01T10:15:30Z"));
    }
}
