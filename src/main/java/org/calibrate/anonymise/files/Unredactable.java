package org.calibrate.anonymise.files;

/**
 * A file this package will not scrub or redact, with a message for the moderator that says what to do.
 * Messages never quote the file's name or a hidden phrase: they may be shown where work is meant to be anonymous.
 */
public final class Unredactable extends Exception {
    private static final long serialVersionUID = 1L;

    public Unredactable(String message) {
        super(message);
    }

    public Unredactable(String message, Throwable cause) {
        super(message, cause);
    }

    static Unredactable unreadable(String noun, Throwable cause) {
        return new Unredactable("The " + noun + " could not be read for redaction (it is damaged, protected or not what"
                + " it seems); redact it by hand or ask the student for a PDF.", cause);
    }

    static Unredactable tooLarge(String what) {
        return new Unredactable(what + "; it was not redacted. Ask the student for a smaller file.");
    }
}
