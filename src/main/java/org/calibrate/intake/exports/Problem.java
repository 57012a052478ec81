package org.calibrate.intake.exports;

/**
 * Something in an uploaded ZIP that was left out or could not be linked, said so that the teacher who
 * uploaded it can act on it. Who it is about is in the entry only: the reason never repeats a name, so reasons can
 * be shown where names must not be (an import's summary); contents are never shown.
 *
 * @param entry  the entry or student the problem is about, as shown to the teacher; empty when it concerns the whole ZIP
 * @param reason what happened and what it means, in plain words, without a name
 */
public record Problem(String entry, String reason) {
    public Problem {
        entry = entry == null ? "" : entry;
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a problem needs a reason");
        }
    }
}
