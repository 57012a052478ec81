package org.calibrate.anonymise.entity;

import java.util.List;
import java.util.Optional;

/**
 * What the launch tells about where the work was written: the course's title and label (LTI context
 * claim), the schools with the other names pupils call them, and the class or section names.
 */
public record CourseContext(Optional<String> courseTitle, Optional<String> courseLabel, List<School> schools, List<String> classes) {
    public CourseContext {
        courseTitle = courseTitle == null ? Optional.empty() : courseTitle.filter(t -> !t.isBlank());
        courseLabel = courseLabel == null ? Optional.empty() : courseLabel.filter(t -> !t.isBlank());
        schools = List.copyOf(schools);
        classes = List.copyOf(classes);
    }

    public static CourseContext none() {
        return new CourseContext(Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** A school's official name and what students write instead ("Lincoln", "LHS"). */
    public record School(String name, List<String> aliases) {
        public School {
            aliases = List.copyOf(aliases);
        }
    }
}
