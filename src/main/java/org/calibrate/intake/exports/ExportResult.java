package org.calibrate.intake.exports;

import org.calibrate.intake.entity.Submission;

import java.util.List;

/**
 * What an uploaded submissions ZIP held: one submission per student (or per loose file when the layout
 * is unknown), and the problems met on the way, in the order they were met.
 */
public record ExportResult(Layout layout, List<Submission> submissions, List<Problem> problems) {
    public ExportResult {
        if (layout == null) {
            throw new IllegalArgumentException("a result needs its layout");
        }
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
