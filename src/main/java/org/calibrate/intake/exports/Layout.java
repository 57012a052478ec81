package org.calibrate.intake.exports;

/** Which LMS's "download all submissions" naming an uploaded ZIP follows. */
public enum Layout {
    /** Moodle assignment (mod_assign) download, in folders or flat. */
    MOODLE,
    /** Canvas "Download Submissions", flat. */
    CANVAS,
    /** Not recognised: every top-level file or folder became a submission of its own, with no student. */
    UNKNOWN
}
