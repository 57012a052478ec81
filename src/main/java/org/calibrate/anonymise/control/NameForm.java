package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Person;

/** One way a person's name is written, as a folded key ("maya", "thompson", "o'brien", "will"). */
record NameForm(Person person, String key, Source source) {
    enum Source {
        GIVEN, FAMILY, OTHER, NICKNAME
    }

    /** Misspellings are only sought for a person's real names (not nicknames), long enough to be safe. */
    boolean misspellable() {
        return source != Source.NICKNAME && key.length() >= 4 && !CommonWords.contains(key);
    }
}
