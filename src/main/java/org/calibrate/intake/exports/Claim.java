package org.calibrate.intake.exports;

import java.util.Optional;

/**
 * What a file's place in the ZIP says about it: whose submission it belongs to and under what name.
 *
 * @param sourceKey   the submission it belongs to (all files of one student share it)
 * @param label       the student as problems show them ("Jane Smith_123456")
 * @param studentName the name the LMS wrote, to look up on the roster; empty when the LMS wrote none
 * @param nameHidden  the LMS hid the name on purpose (blind marking, anonymous grading)
 * @param fileName    the file's name within the submission
 * @param onlineText  the file is the online text the student typed into the LMS, not an uploaded file
 */
record Claim(String sourceKey, String label, Optional<String> studentName, boolean nameHidden, String fileName,
             boolean onlineText) {
}
