package org.calibrate.intake.exports;

/**
 * The uploaded file as a whole cannot be read as a submissions ZIP. Nothing from it is imported: a
 * partial import of a damaged or hostile archive would look complete to the teacher. The message is
 * written for the teacher who uploaded it and says what to do next.
 */
public class ExportZipRefused extends Exception {
    /** Why, for callers that react differently (a status code, a help link). */
    public enum Reason {
        /** Not a ZIP archive at all (another archive format, a document, random bytes). */
        NOT_A_ZIP,
        /** Broken or cut off: the LMS download or the upload did not finish, or the bytes were altered. */
        DAMAGED,
        /** Password-protected entries. */
        ENCRYPTED,
        /** A compression method or structure {@code java.util.zip} cannot read (Deflate64, stored entries with data descriptors). */
        UNSUPPORTED,
        /** The upload itself is larger than {@link ZipLimits#maxZipBytes()}. */
        TOO_LARGE,
        /** More entries than {@link ZipLimits#maxEntries()}. */
        TOO_MANY_FILES,
        /** Unpacks to more than {@link ZipLimits#maxTotalBytes()}. */
        TOO_MUCH_CONTENT
    }

    private final Reason reason;

    public ExportZipRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ExportZipRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
