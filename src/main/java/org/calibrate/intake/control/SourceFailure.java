package org.calibrate.intake.control;

/**
 * A source that could not deliver: the LMS refused, timed out or answered nonsense. Retryable
 * failures (timeouts, 5xx, rate limits) leave the import resumable; the others need a person.
 */
public class SourceFailure extends Exception {
    private final boolean retryable;

    public SourceFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public SourceFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
