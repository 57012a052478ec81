package org.calibrate.anonymise.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.calibrate.anonymise.control.KnownPeople;
import org.calibrate.anonymise.entity.Person;
import org.calibrate.anonymise.entity.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Names and Role Provisioning Services v2 membership container ("NRPS 2.0 §2.3": id,
 * context, members with status, name, given_name, family_name, email, user_id, roles) as the
 * platform returns it. Roles come as full LIS URIs or, as some platforms send, short names.
 */
public final class RosterJson {
    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    private RosterJson() {
    }

    public static List<Person> people(JsonObject container) {
        JsonValue members = container.get("members");
        if (!(members instanceof JsonArray array)) {
            throw new IllegalArgumentException("the roster has no \"members\" array: give the NRPS membership container as the platform returns it");
        }
        if (array.size() > KnownPeople.MAX_PEOPLE) {
            throw new IllegalArgumentException("the roster has " + array.size() + " members; at most " + KnownPeople.MAX_PEOPLE + " are read");
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject m)) {
                throw new IllegalArgumentException("roster member " + (i + 1) + " is not an object");
            }
            Optional<String> userId = text(m, "user_id");
            if (userId.isEmpty()) {
                throw new IllegalArgumentException("roster member " + (i + 1) + " has no \"user_id\" (NRPS 2.0 requires it)");
            }
            role(m).ifPresent(role -> people.add(new Person(userId.get(), text(m, "name"), text(m, "given_name"),
                    text(m, "family_name"), text(m, "email"), role)));
        }
        return people;
    }

    /** Learners and instructors (teaching assistants, mentors count as teachers); others' names are not in pupils' work. */
    static Optional<Role> role(JsonObject member) {
        JsonValue roles = member.get("roles");
        if (!(roles instanceof JsonArray array)) {
            return Optional.empty();
        }
        boolean learner = false;
        for (JsonValue r : array) {
            if (!(r instanceof JsonString s)) {
                continue;
            }
            String name = s.getString().startsWith(MEMBERSHIP) ? s.getString().substring(MEMBERSHIP.length()) : s.getString();
            name = name.contains("#") ? name.substring(name.indexOf('#') + 1) : name;
            if (name.startsWith("Instructor") || name.equals("ContentDeveloper") || name.equals("Mentor") || name.equals("TeachingAssistant")) {
                return Optional.of(Role.INSTRUCTOR);
            }
            learner |= name.startsWith("Learner");
        }
        return learner ? Optional.of(Role.LEARNER) : Optional.empty();
    }

    static Optional<String> text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }
}
