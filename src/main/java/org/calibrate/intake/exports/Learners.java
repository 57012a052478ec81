package org.calibrate.intake.exports;

import org.calibrate.anonymise.entity.Person;
import org.calibrate.anonymise.entity.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The course's students by every name key an LMS download may carry: the full name as the roster
 * has it, given-then-family (Moodle's default full name), family-then-given (Moodle in some
 * languages, Canvas's sortable name) and, when the roster has only a full name, every way of
 * splitting it into a given and a family part ("Anna van der Berg" as "van der Berg, Anna").
 * Teachers are left out: only students hand in work.
 */
final class Learners {
    private final Map<String, Set<String>> byKey = new HashMap<>();

    Learners(List<Person> roster) {
        for (Person p : roster == null ? List.<Person>of() : roster) {
            if (p.role() == Role.LEARNER) {
                keys(p).forEach(k -> byKey.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(p.userId()));
            }
        }
    }

    boolean none() {
        return byKey.isEmpty();
    }

    /** The key a name is looked up under, as problems may show it. */
    static String key(String name) {
        return NameKey.of(name);
    }

    /**
     * The students a name written by the LMS may be: the whole name first, then what follows each
     * hyphen, since Moodle writes group submissions as "&lt;group&gt;-&lt;full name&gt;" (and a
     * hyphenated name is tried whole before it is cut).
     */
    Set<String> named(String name) {
        Set<String> found = byKey.getOrDefault(key(name), Set.of());
        for (int dash = name.indexOf('-'); found.isEmpty() && dash >= 0; dash = name.indexOf('-', dash + 1)) {
            found = byKey.getOrDefault(key(name.substring(dash + 1)), Set.of());
        }
        return found;
    }

    private static Set<String> keys(Person p) {
        Set<String> keys = new LinkedHashSet<>();
        Optional<String> given = p.givenName();
        Optional<String> family = p.familyName();
        p.name().ifPresent(n -> keys.add(NameKey.of(n)));
        if (given.isPresent() && family.isPresent()) {
            keys.add(NameKey.of(given.get() + family.get()));
            keys.add(NameKey.of(family.get() + given.get()));
        } else {
            p.name().ifPresent(n -> keys.addAll(rotations(n)));
        }
        keys.remove("");
        return keys;
    }

    /** "a b c" as "b c a" and "c a b": the family part moved to the front at every split. */
    private static List<String> rotations(String name) {
        String[] words = name.strip().split("\\s+");
        List<String> rotations = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            StringBuilder rotated = new StringBuilder();
            for (int j = 0; j < words.length; j++) {
                rotated.append(words[(i + j) % words.length]);
            }
            rotations.add(NameKey.of(rotated.toString()));
        }
        return rotations;
    }
}
