package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Person;
import org.calibrate.anonymise.entity.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The course's people and every form of their names, looked up by folded key. Built once per roster
 * and shared by every text of a batch or a round; immutable, so safe across threads.
 */
public final class KnownPeople {
    public static final int MAX_PEOPLE = 5_000;

    private final List<Person> people;
    private final Map<String, List<NameForm>> forms = new HashMap<>();
    private final List<NameForm> misspellable = new ArrayList<>();
    private final Map<String, Person> byUserId = new LinkedHashMap<>();
    /** E-mail local parts ("mthompson") are the usernames pupils sign with. */
    private final Map<String, Person> byUsername = new HashMap<>();

    public KnownPeople(Collection<Person> members) {
        if (members.size() > MAX_PEOPLE) {
            throw new IllegalArgumentException("the roster has " + members.size() + " people; at most " + MAX_PEOPLE
                    + " are read (one course's members, not a whole district).");
        }
        this.people = List.copyOf(members);
        for (Person p : people) {
            byUserId.putIfAbsent(p.userId(), p);
            p.email().map(e -> e.substring(0, Math.max(0, e.indexOf('@'))).toLowerCase(Locale.ROOT))
                    .filter(local -> local.length() >= 4).ifPresent(local -> byUsername.putIfAbsent(local, p));
            for (NameForm f : NameForms.of(p)) {
                List<NameForm> same = forms.computeIfAbsent(f.key(), k -> new ArrayList<>());
                if (same.stream().noneMatch(o -> o.person().equals(p))) {
                    same.add(f);
                }
                if (f.misspellable()) {
                    misspellable.add(f);
                }
            }
        }
    }

    public static KnownPeople none() {
        return new KnownPeople(List.of());
    }

    public List<Person> people() {
        return people;
    }

    public Optional<Person> byUserId(String userId) {
        return Optional.ofNullable(byUserId.get(userId));
    }

    Map<String, Person> userIds() {
        return byUserId;
    }

    Map<String, Person> usernames() {
        return byUsername;
    }

    /** The forms with this folded key; the author's own first, then learners, then teachers. */
    List<NameForm> forms(String key, Optional<Person> author) {
        List<NameForm> found = forms.getOrDefault(key, List.of());
        if (found.size() < 2) {
            return found;
        }
        List<NameForm> ordered = new ArrayList<>(found);
        ordered.sort((a, b) -> Integer.compare(rank(a, author), rank(b, author)));
        return ordered;
    }

    private static int rank(NameForm f, Optional<Person> author) {
        if (author.isPresent() && author.get().equals(f.person())) {
            return 0;
        }
        return (f.person().role() == Role.LEARNER ? 1 : 3) + (f.source() == NameForm.Source.NICKNAME ? 1 : 0);
    }

    java.util.Set<String> nameKeys() {
        return forms.keySet();
    }

    List<NameForm> misspellable() {
        return misspellable;
    }
}
