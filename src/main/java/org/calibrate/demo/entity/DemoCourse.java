package org.calibrate.demo.entity;

import java.util.List;
import java.util.Optional;

/** The demo LMS's sample course, read from {@code demo/course.json}: people, sections, one assignment and its submissions. */
public record DemoCourse(Course course, ResourceLink resource_link, Assignment assignment, List<Section> sections,
                         List<Person> people, List<Submission> submissions) {

    public record Course(String id, String title, String label, String school) {
    }

    public record ResourceLink(String id, String title) {
    }

    public record Assignment(String id, String title, String prompt, int max_points) {
    }

    public record Section(String id, String name) {
    }

    public record Person(String id, String given_name, String family_name, String email, String role, List<String> sections) {
        public String name() {
            return given_name + " " + family_name;
        }
    }

    public record Submission(String student_id, String submitted_at, int attempt, String text_html) {
    }

    public Optional<Person> person(String id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
