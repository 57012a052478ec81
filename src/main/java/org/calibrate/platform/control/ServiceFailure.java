package org.calibrate.platform.control;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to a platform's LTI Advantage service (token endpoint, roster, grades) refused or failed.
 * The message says what to check; {@link #status()} is the HTTP status, 0 when the platform could
 * not be reached.
 */
public class ServiceFailure extends Exception {
    private final int status;
    private final Duration retryAfter;

    public ServiceFailure(int status, String message) {
        this(status, message, null);
    }

    /** @param retryAfter what the platform's {@code Retry-After} asked for (RFC 9110 §10.2.3), or null */
    public ServiceFailure(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public int status() {
        return status;
    }

    /** Worth trying again later: unreachable, rate-limited or a server error. */
    public boolean retryable() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
