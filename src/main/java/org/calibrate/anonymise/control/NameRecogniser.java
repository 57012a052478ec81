package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names the roster cannot know — a sibling, a coach, a friend from another school. Certain cues
 * redact: an honorific ("Mr. Garvey", "Coach Dunn") or a relation ("my brother Sam", "named Ellie").
 * A capitalised word inside a sentence that is neither an English word nor a known proper noun is
 * flagged. Whatever was decided for a word holds for its other capitalised uses in the same text.
 */
final class NameRecogniser {
    private static final Set<String> RELATIONS = Set.of("brother", "sister", "cousin", "friend", "friends", "coach", "neighbor",
            "neighbour", "uncle", "aunt", "auntie", "grandma", "grandpa", "grandmother", "grandfather", "nana", "mom", "dad", "mum",
            "stepdad", "stepmom", "tutor", "babysitter", "named", "called", "classmate", "teammate", "partner", "boyfriend",
            "girlfriend", "niece", "nephew", "bestie", "buddy", "pal", "captain");

    private NameRecogniser() {
    }

    static List<Finding> find(Surroundings s, KnownPeople people) {
        List<Words.Word> words = s.words();
        Map<String, Action> decided = new HashMap<>();
        List<Finding> found = new ArrayList<>();
        int lastRedacted = -2;
        for (int i = 0; i < words.size(); i++) {
            Words.Word w = RosterNames.stem(words.get(i));
            if (!candidate(w, people)) {
                continue;
            }
            boolean cue = s.afterHonorific(i) || s.keyBefore(i).filter(RELATIONS::contains).isPresent() || lastRedacted == i - 1 && s.before(i).isPresent();
            if (cue) {
                decided.put(w.key(), Action.REDACTED);
                lastRedacted = i;
            } else if (!s.sentenceInitial(i) && !s.inTitleLine(i)) {
                decided.putIfAbsent(w.key(), Action.FLAGGED);
            }
        }
        for (Words.Word word : words) {
            Words.Word w = RosterNames.stem(word);
            Action a = decided.get(w.key());
            if (a != null && w.capitalised()) {
                found.add(new Finding(w.start(), w.end(), Kind.NAME, Optional.empty(), a));
            }
        }
        return found;
    }

    private static boolean candidate(Words.Word w, KnownPeople people) {
        String key = w.key();
        return w.capitalised() && !w.allCaps() && w.letters() >= 2 && !CommonWords.contains(key) && !CommonWords.knownProper(key)
                && !Surroundings.HONORIFICS.contains(key) && people.forms(key, Optional.empty()).isEmpty();
    }
}
