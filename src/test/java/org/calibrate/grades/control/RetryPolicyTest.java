package org.calibrate.grades.control;

import org.calibrate.platform.control.ServiceFailure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final Duration BASE = Duration.ofSeconds(30);

    private static RetryPolicy policy(long seed) {
        return new RetryPolicy(new SplittableRandom(seed), BASE);
    }

    @Test
    @DisplayName("refusals that another try cannot fix (400, 401, 403, 404) give up at once")
    void permanentFailures() {
        for (int status : new int[]{400, 401, 403, 404, 409}) {
            assertEquals(Optional.empty(), policy(1).next(1, new ServiceFailure(status, "x"), NOW), "HTTP " + status);
        }
    }

    @Test
    @DisplayName("unreachable, 408, 429 and 5xx are retried, within base/2 and the doubling ceiling, capped at an hour")
    void backOffBounds() {
        for (long seed = 0; seed < 200; seed++) {
            RetryPolicy p = policy(seed);
            for (int attempt = 1; attempt < RetryPolicy.MAX_ATTEMPTS; attempt++) {
                for (int status : new int[]{0, 408, 429, 500, 503}) {
                    Duration wait = Duration.between(NOW, p.next(attempt, new ServiceFailure(status, "x"), NOW).orElseThrow());
                    long ceiling = Math.min(RetryPolicy.CAP.toMillis(), BASE.toMillis() << (attempt - 1));
                    assertTrue(wait.toMillis() >= BASE.toMillis() / 2 && wait.toMillis() <= Math.max(ceiling, BASE.toMillis()),
                            "attempt " + attempt + " waits " + wait);
                }
            }
        }
    }

    @Test
    @DisplayName("after the last attempt the moderator decides")
    void givesUp() {
        assertEquals(Optional.empty(), policy(1).next(RetryPolicy.MAX_ATTEMPTS, new ServiceFailure(503, "x"), NOW));
    }

    @Test
    @DisplayName("Retry-After is honoured when it asks for longer, and capped at six hours")
    void retryAfter() {
        Instant next = policy(1).next(1, new ServiceFailure(429, "x", Duration.ofMinutes(20)), NOW).orElseThrow();
        assertEquals(NOW.plus(Duration.ofMinutes(20)), next);
        Instant capped = policy(1).next(1, new ServiceFailure(429, "x", Duration.ofDays(2)), NOW).orElseThrow();
        assertEquals(NOW.plus(RetryPolicy.MAX_RETRY_AFTER), capped);
    }

    @Test
    @DisplayName("the same seed gives the same schedule")
    void deterministic() {
        ServiceFailure f = new ServiceFailure(503, "x");
        for (int attempt = 1; attempt < 8; attempt++) {
            assertEquals(policy(42).next(attempt, f, NOW), policy(42).next(attempt, f, NOW));
        }
    }

    @Test
    @DisplayName("a 409 on a repeat means the earlier attempt was delivered; on the first attempt it does not")
    void deliveredAlready() {
        assertTrue(RetryPolicy.deliveredAlready(new ServiceFailure(409, "x"), 2));
        assertFalse(RetryPolicy.deliveredAlready(new ServiceFailure(409, "x"), 1));
        assertFalse(RetryPolicy.deliveredAlready(new ServiceFailure(503, "x"), 3));
    }
}
