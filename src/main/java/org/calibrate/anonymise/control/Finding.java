package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Action;
import org.calibrate.anonymise.entity.Person;

import java.util.Optional;

/** Something identifying in a text, in UTF-16 positions, before overlaps are settled and labels given. */
record Finding(int start, int end, Kind kind, Optional<Person> person, Action action) {
    static Finding redact(int start, int end, Kind kind) {
        return new Finding(start, end, kind, Optional.empty(), Action.REDACTED);
    }

    static Finding flag(int start, int end, Kind kind) {
        return new Finding(start, end, kind, Optional.empty(), Action.FLAGGED);
    }

    boolean overlaps(Finding o) {
        return start < o.end && o.start < end;
    }

    int length() {
        return end - start;
    }

    Finding widenedTo(int newEnd) {
        return new Finding(start, newEnd, kind, person, action);
    }
}
