package org.calibrate.platform.control;

/**
 * A call to a platform's LTI Advantage service (token endpoint, roster, grades) refused or failed.
 * The message says what to check; {@link #status()} is the HTTP status, 0 when the platform could
 * not be reached.
 */
public class ServiceFailure extends Exception {
    private final int status;

    public ServiceFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Worth trying again later: unreachable, rate-limited or a server error. */
    public boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
