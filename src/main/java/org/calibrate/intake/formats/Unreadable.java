package org.calibrate.intake.formats;

/**
 * A submission the extractor will not turn into text, with a message for the teacher that says what to ask
 * the student for. Messages never repeat the file's name: names often carry the student's name, and these
 * messages may be shown where work is meant to be anonymous.
 */
public final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    private static final String HAND_IN_AS = "ask the student to hand it in as PDF, Word (DOCX) or plain text.";

    public enum Reason { EMPTY, TOO_LARGE, ENCRYPTED, CORRUPT, UNSUPPORTED }

    private final Reason reason;

    public Unreadable(Reason reason, String message) {
        this(reason, message, null);
    }

    public Unreadable(Reason reason, String message, Throwable cause) {
        super(message, cause);
        if (reason == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("an unreadable file needs a reason and a message");
        }
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static Unreadable encrypted(String noun) {
        return new Unreadable(Reason.ENCRYPTED, "The " + noun + " is password-protected; ask the student to hand it in"
                + " without a password.");
    }

    static Unreadable corrupt(String noun, Throwable cause) {
        return new Unreadable(Reason.CORRUPT, "The " + noun + " is damaged and cannot be read (it may have been cut short"
                + " while uploading); ask the student to hand it in again.", cause);
    }

    static Unreadable unsupported(String looksLike) {
        return unsupported(looksLike, HAND_IN_AS);
    }

    static Unreadable unsupported(String looksLike, String advice) {
        return new Unreadable(Reason.UNSUPPORTED, "The file looks like " + looksLike + ", which Calibrate cannot read;"
                + " " + advice);
    }

    /** {@code chars} is the length found, or -1 when reading stopped early, at a bound, without counting on. */
    static Unreadable tooMuchText(long chars, int max) {
        String found = chars < 0 ? "more than " + max + " characters of text" : chars + " characters of text";
        return new Unreadable(Reason.TOO_LARGE, "The file holds " + found + "; a piece holds at most " + max
                + ". Ask the student to hand in only the work for this task.");
    }

    static Unreadable tooLarge(String message) {
        return new Unreadable(Reason.TOO_LARGE, message);
    }
}
