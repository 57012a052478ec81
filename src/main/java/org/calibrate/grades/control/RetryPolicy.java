package org.calibrate.grades.control;

import org.calibrate.platform.control.ServiceFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed grade send again: exponential back-off with full jitter (so many scores
 * failing together do not retry together), at least what the platform's {@code Retry-After} asks,
 * and a limit after which the moderator decides.
 */
public final class RetryPolicy {
    static final Duration CAP = Duration.ofHours(1);
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(6);
    static final int MAX_ATTEMPTS = 12;

    private final RandomGenerator random;
    private final Duration base;

    public RetryPolicy(RandomGenerator random, Duration base) {
        this.random = random;
        this.base = base;
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @return when to try next, or empty to give up
     */
    public Optional<Instant> next(int attempt, ServiceFailure failure, Instant now) {
        if (!failure.retryable() || attempt >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        long ceiling = Math.min(CAP.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        long wait = base.toMillis() / 2 + (long) (random.nextDouble() * Math.max(1, ceiling - base.toMillis() / 2));
        long asked = failure.retryAfter().map(d -> Math.min(d.toMillis(), MAX_RETRY_AFTER.toMillis())).orElse(0L);
        return Optional.of(now.plusMillis(Math.max(wait, asked)));
    }

    /**
     * A 409 on a repeat: AGS platforms must not apply a score whose timestamp is not newer than the
     * stored one (Moodle answers 409), and an outbox item keeps its timestamp across attempts — so
     * the earlier attempt, whose reply was lost, was delivered.
     */
    public static boolean deliveredAlready(ServiceFailure failure, int attempt) {
        return failure.status() == 409 && attempt > 1;
    }
}
