package org.calibrate.intake.control;

import org.calibrate.demo.entity.DemoCourse;
import org.calibrate.intake.entity.Submission;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The demo LMS's sample assignment as a source: its submissions with their online text and the student's section. */
final class DemoConnector implements Connector {
    private final DemoCourse course;

    DemoConnector(DemoCourse course) {
        this.course = course;
    }

    @Override
    public List<Listed> list() {
        return course.submissions().stream()
                .map(s -> new Listed("demo:" + s.student_id(), "attempt " + s.attempt() + " at " + s.submitted_at(), s.student_id())).toList();
    }

    @Override
    public Submission fetch(Listed listed) throws SourceFailure {
        DemoCourse.Submission s = course.submissions().stream().filter(x -> x.student_id().equals(listed.handle())).findFirst()
                .orElseThrow(() -> new SourceFailure("The demo LMS no longer holds this submission.", false));
        Optional<String> section = course.person(s.student_id()).flatMap(p -> p.sections().stream().findFirst())
                .flatMap(id -> course.sections().stream().filter(sec -> sec.id().equals(id)).findFirst()).map(DemoCourse.Section::name);
        return new Submission(listed.sourceKey(), listed.fingerprint(), Optional.of(s.student_id()), section, s.attempt(),
                instant(s.submitted_at()), Optional.of(s.text_html()), List.of());
    }

    private static Optional<Instant> instant(String at) {
        try {
            return Optional.ofNullable(at).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
