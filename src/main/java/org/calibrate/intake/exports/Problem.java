package org.calibrate.intake.exports;

/**
 * Something in an uploaded ZIP that was left out or could not be linked, said so that the teacher who
 * uploaded it can act on it. Entry names are shown (it is their own upload); contents never are.
 *
 * @param entry  the entry or student the problem is about, as shown to the teacher; empty when it concerns the whole ZIP
 * @param reason what happened and what it means, in plain words
 */
public record Problem(String entry, String reason) {
    public Problem {
        entry = entry == null ? "" : entry;
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a problem needs a reason");
        }
    }
}
