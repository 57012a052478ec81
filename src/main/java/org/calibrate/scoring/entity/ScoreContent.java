package org.calibrate.scoring.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scorer says about a piece: a level per criterion, the caps they ticked, the condition code
 * *blank* when the response is empty, flags and a suggested condition for the moderators, and notes.
 */
public record ScoreContent(Map<String, Integer> levels, Set<String> caps, Optional<String> conditionCode,
                           Set<Flag> flags, Optional<SuggestedCondition> suggestedCondition, Optional<String> flagNote,
                           Optional<String> rationale, Optional<String> evidence) {
    public static final int MAX_NOTE = 8000;
    public static final int MAX_FLAG_NOTE = 2000;
    /** The only condition code a scorer may set; the others are the moderators' (New York scorer training). */
    public static final String BLANK = "blank";

    /** Scorer signals to the moderators; sensitive content is escalated at once. */
    public enum Flag {
        SENSITIVE("sensitive"), UNSURE("unsure"), FILE_PROBLEM("file_problem");

        private final String key;

        Flag(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Flag> of(String key) {
            for (Flag f : values()) {
                if (f.key.equals(key)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** Condition codes a scorer may suggest but only a moderator may assign. */
    public enum SuggestedCondition {
        ILLEGIBLE("illegible"), NOT_ENGLISH("not_english"), COPIED("copied"), WRONG_TASK("wrong_task");

        private final String key;

        SuggestedCondition(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<SuggestedCondition> of(String key) {
            for (SuggestedCondition c : values()) {
                if (c.key.equals(key)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    public ScoreContent {
        levels = new TreeMap<>(levels);
        caps = new TreeSet<>(caps);
        flags = Set.copyOf(flags);
        conditionCode = conditionCode.filter(c -> !c.isBlank());
        if (conditionCode.isPresent() && !BLANK.equals(conditionCode.get())) {
            throw new IllegalArgumentException("A scorer may set only the condition code \"blank\"; suggest any other to the moderators.");
        }
        flagNote = trimmed(flagNote, MAX_FLAG_NOTE, "The note to the moderators");
        rationale = trimmed(rationale, MAX_NOTE, "The rationale");
        evidence = trimmed(evidence, MAX_NOTE, "The evidence notes");
    }

    public boolean blank() {
        return conditionCode.isPresent();
    }

    public List<String> flagKeys() {
        return flags.stream().map(Flag::key).sorted().toList();
    }

    private static Optional<String> trimmed(Optional<String> text, int max, String what) {
        Optional<String> t = text.map(String::strip).filter(s -> !s.isEmpty());
        if (t.map(s -> s.length() > max).orElse(false)) {
            throw new IllegalArgumentException(what + " may be at most " + max + " characters.");
        }
        return t;
    }
}
