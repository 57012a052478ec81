package org.calibrate.intake.entity;

import java.util.Locale;

/** Where an import's submissions come from. */
public enum ImportKind {
    /** Moodle Web Services: an assignment of the round's course. */
    MOODLE,
    /** An LMS's "download all submissions" ZIP (Moodle, Canvas). */
    EXPORT_ZIP,
    /** Files or pasted text a moderator handed in, one student at a time. */
    UPLOAD,
    /** An activity's LTI Asset Processor submission notices, the files fetched from the platform's Asset Service. */
    ASSET,
    /** The demo LMS's sample assignment. */
    DEMO;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
