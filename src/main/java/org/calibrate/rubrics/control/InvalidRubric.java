package org.calibrate.rubrics.control;

import java.util.List;

/** A rubric that cannot be read or used; {@link #problems()} tells the author every fix needed. */
public class InvalidRubric extends RuntimeException {
    private final List<String> problems;

    public InvalidRubric(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidRubric(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
