package org.calibrate.grades.control;

import org.calibrate.platform.control.ServiceFailure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole schedule a failing score goes through, across many seeds: the properties that make
 * many scores failing together spread out, and that let a moderator know when Calibrate stops.
 */
class RetryScheduleTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final Duration BASE = Duration.ofSeconds(30);
    private static final ServiceFailure DOWN = new ServiceFailure(503, "x");

    private static long waitMillis(long seed, int attempt, ServiceFailure failure) {
        Instant next = new RetryPolicy(new SplittableRandom(seed), BASE).next(attempt, failure, NOW).orElseThrow();
        return Duration.between(NOW, next).toMillis();
    }

    @Test
    @DisplayName("the longest wait grows with each attempt and stops at one hour")
    void monotoneCap() {
        long previous = 0;
        for (int attempt = 1; attempt < RetryPolicy.MAX_ATTEMPTS; attempt++) {
            int a = attempt;
            long longest = LongStream.range(0, 500).map(seed -> waitMillis(seed, a, DOWN)).max().orElseThrow();
            assertTrue(longest >= previous, "attempt " + attempt + " waits at most " + longest + " ms, less than before");
            assertTrue(longest <= Duration.ofHours(1).toMillis(), "attempt " + attempt + " waits " + longest + " ms");
            previous = longest;
        }
        assertTrue(previous > Duration.ofMinutes(50).toMillis(), "late attempts reach towards the cap: " + previous + " ms");
    }

    @Test
    @DisplayName("the jitter spreads waits over the window instead of sending everything back at once")
    void jitterSpreads() {
        long ceiling = BASE.toMillis() << 5;
        long[] waits = LongStream.range(0, 500).map(seed -> waitMillis(seed, 6, DOWN)).sorted().toArray();
        assertTrue(waits[0] < ceiling / 4, "shortest " + waits[0] + " ms");
        assertTrue(waits[waits.length - 1] > ceiling * 3 / 4, "longest " + waits[waits.length - 1] + " ms");
        assertTrue(LongStream.of(waits).distinct().count() > 450, "waits repeat: the generator is not used");
    }

    @Test
    @DisplayName("a platform that stays down gets twelve attempts in all, then the moderator decides")
    void twelveAttempts() {
        RetryPolicy policy = new RetryPolicy(new SplittableRandom(7), BASE);
        int attempts = 1;
        Instant now = NOW;
        for (Optional<Instant> next = policy.next(attempts, DOWN, now); next.isPresent(); next = policy.next(attempts, DOWN, now)) {
            assertTrue(next.get().isAfter(now));
            now = next.get();
            attempts++;
        }
        assertEquals(12, attempts);
    }

    @Test
    @DisplayName("a short Retry-After does not shorten the back-off; 408 is retried, a first 409 is not")
    void retryAfterIsAFloor() {
        for (long seed = 0; seed < 100; seed++) {
            assertTrue(waitMillis(seed, 4, new ServiceFailure(429, "x", Duration.ofSeconds(1))) >= BASE.toMillis() / 2);
        }
        assertTrue(new RetryPolicy(new SplittableRandom(1), BASE).next(1, new ServiceFailure(408, "x"), NOW).isPresent());
        assertEquals(Optional.empty(), new RetryPolicy(new SplittableRandom(1), BASE).next(1, new ServiceFailure(409, "x"), NOW));
        assertEquals(Optional.empty(), new RetryPolicy(new SplittableRandom(1), BASE).next(1, new ServiceFailure(422, "x"), NOW));
    }
}
