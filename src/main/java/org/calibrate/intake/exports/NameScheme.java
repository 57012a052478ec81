package org.calibrate.intake.exports;

import java.util.Optional;

/** One LMS's way of naming the files in its submissions download. */
interface NameScheme {
    Layout layout();

    /** The claim a path makes under this scheme, or empty when the path is not named this way. */
    Optional<Claim> claim(String path);

    /** Said once when the LMS hid students' names, so the teacher knows why nobody was linked. */
    String hiddenNames();
}
