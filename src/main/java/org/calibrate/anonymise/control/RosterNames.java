package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Action;
import org.calibrate.anonymise.entity.Person;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the roster's people in a text: every form of their names in any case, possessives,
 * hyphenated parts, nicknames, and misspellings of capitalised names (Damerau-Levenshtein distance 1,
 * names of five letters or more). Names that are also words go to the {@link WordNameJudge}.
 */
final class RosterNames {
    private final KnownPeople people;

    RosterNames(KnownPeople people) {
        this.people = people;
    }

    List<Finding> find(Surroundings s, Optional<Person> author) {
        List<Finding> found = new ArrayList<>();
        List<Words.Word> words = s.words();
        for (int i = 0; i < words.size(); i++) {
            Words.Word w = words.get(i);
            Words.Word stem = stem(w);
            List<NameForm> forms = people.forms(stem.key(), author);
            if (!forms.isEmpty()) {
                judged(s, i, stem, forms.get(0), author).ifPresent(found::add);
            } else if (stem.text().contains("-")) {
                hyphenParts(s, i, stem, author, found);
            } else {
                misspelt(s, i, stem, author).ifPresent(found::add);
            }
        }
        return found;
    }

    private Optional<Finding> judged(Surroundings s, int i, Words.Word word, NameForm form, Optional<Person> author) {
        Words.Word part = s.familyInitialAfter(i, Initials.initialsOf(form.person())).map(end -> new Words.Word(word.start(), end, word.text())).orElse(word);
        if (!wordLike(form.key())) {
            return Optional.of(person(part, form.person(), Action.REDACTED));
        }
        boolean named = besideOtherName(s, i, form.person(), author) || coordinatedWithName(s, i, author);
        return switch (WordNameJudge.judge(s, i, named)) {
            case KEEP -> Optional.empty();
            case FLAG -> Optional.of(person(part, form.person(), Action.FLAGGED));
            case REDACT -> Optional.of(person(part, form.person(), Action.REDACTED));
        };
    }

    /** "Nguyen-Tran" when the roster has "Tran", but not "well-known" for a pupil called "Well". */
    private void hyphenParts(Surroundings s, int i, Words.Word w, Optional<Person> author, List<Finding> found) {
        int offset = 0;
        for (String part : w.text().split("-")) {
            Words.Word sub = new Words.Word(w.start() + offset, w.start() + offset + part.length(), part);
            offset += part.length() + 1;
            List<NameForm> forms = people.forms(sub.key(), author);
            if (!forms.isEmpty() && !wordLike(sub.key()) && !part.isEmpty()) {
                found.add(person(sub, forms.get(0).person(), Action.REDACTED));
            }
        }
    }

    private Optional<Finding> misspelt(Surroundings s, int i, Words.Word w, Optional<Person> author) {
        String key = w.key();
        if (!w.capitalised() || w.allCaps() || key.length() < 5 || CommonWords.contains(key) || CommonWords.knownProper(key)) {
            return Optional.empty();
        }
        NameForm best = null;
        for (NameForm f : people.misspellable()) {
            if (Math.abs(f.key().length() - key.length()) <= 1 && EditDistance.misspelling(f.key(), key)
                    && (best == null || author.isPresent() && author.get().equals(f.person()))) {
                best = f;
            }
        }
        return best == null ? Optional.empty() : Optional.of(person(w, best.person(), Action.REDACTED));
    }

    /** Whether a neighbouring word is another name of the same person ("Will Okafor", "Grace Young"). */
    private boolean besideOtherName(Surroundings s, int i, Person p, Optional<Person> author) {
        String own = stem(s.words().get(i)).key();
        return s.before(i).filter(b -> samePerson(stem(b).key(), own, p, author)).isPresent()
                || s.after(i).filter(a -> samePerson(stem(a).key(), own, p, author)).isPresent();
    }

    /** "Will and Maya", "Maya and Will": joined by "and" to a name that is no word. */
    private boolean coordinatedWithName(Surroundings s, int i, Optional<Person> author) {
        List<Words.Word> words = s.words();
        boolean after = i + 2 < words.size() && s.keyAfter(i).filter("and"::equals).isPresent() && s.after(i + 1).isPresent()
                && unambiguousName(words.get(i + 2), author);
        boolean before = i >= 2 && s.keyBefore(i).filter("and"::equals).isPresent() && s.before(i - 1).isPresent()
                && unambiguousName(words.get(i - 2), author);
        return after || before;
    }

    private boolean unambiguousName(Words.Word w, Optional<Person> author) {
        String key = stem(w).key();
        return !wordLike(key) && !people.forms(key, author).isEmpty();
    }

    private boolean samePerson(String key, String own, Person p, Optional<Person> author) {
        return !key.equals(own) && people.forms(key, author).stream().anyMatch(f -> f.person().equals(p));
    }

    static boolean wordLike(String key) {
        return CommonWords.contains(key) || key.codePointCount(0, key.length()) <= 2;
    }

    /** The word without a possessive ending: "Maya's" → "Maya" (the label keeps the "'s"). */
    static Words.Word stem(Words.Word w) {
        String t = w.text();
        if (t.length() > 2 && (t.endsWith("'s") || t.endsWith("’s") || t.endsWith("'S") || t.endsWith("’S"))) {
            return new Words.Word(w.start(), w.end() - 2, t.substring(0, t.length() - 2));
        }
        return w;
    }

    private static Finding person(Words.Word w, Person p, Action action) {
        return new Finding(w.start(), w.end(), Kind.PERSON, Optional.of(p), action);
    }
}
