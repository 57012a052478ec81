package org.calibrate.anonymise.entity;

import java.util.Optional;

/** A course member as the roster (NRPS) reports them; any field but the user id may be missing. */
public record Person(String userId, Optional<String> name, Optional<String> givenName, Optional<String> familyName,
                     Optional<String> email, Role role) {
    public Person {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a person needs the LMS user id");
        }
        name = blankless(name);
        givenName = blankless(givenName);
        familyName = blankless(familyName);
        email = blankless(email);
    }

    public static Person learner(String userId, String given, String family) {
        return new Person(userId, Optional.of(given + " " + family), Optional.of(given), Optional.of(family), Optional.empty(), Role.LEARNER);
    }

    public static Person instructor(String userId, String given, String family) {
        return new Person(userId, Optional.of(given + " " + family), Optional.of(given), Optional.of(family), Optional.empty(), Role.INSTRUCTOR);
    }

    private static Optional<String> blankless(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
