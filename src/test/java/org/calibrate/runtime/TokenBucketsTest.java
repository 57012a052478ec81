package org.calibrate.runtime;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstGoesThroughThenTheRateHolds() {
        TokenBuckets b = new TokenBuckets(TokenBuckets.Limit.parse("3/1"), 100);
        for (int i = 0; i < 3; i++) {
            assertTrue(b.take("10.0.0.1", 0).isEmpty());
        }
        assertEquals(OptionalLong.of(1), b.take("10.0.0.1", 0), "wait one second for the next token");
        assertTrue(b.take("10.0.0.2", 0).isEmpty(), "another address has its own bucket");
        assertTrue(b.take("10.0.0.1", SECOND).isEmpty(), "a second later one token is back");
        assertTrue(b.take("10.0.0.1", SECOND).isPresent());
        assertTrue(b.take("10.0.0.1", 10 * SECOND).isEmpty(), "refills up to the burst");
    }

    @Test
    void theLeastRecentlySeenAddressesAreForgottenFirst() {
        TokenBuckets b = new TokenBuckets(TokenBuckets.Limit.parse("1/0.001"), 2);
        b.take("a", 0);
        b.take("b", 0);
        b.take("c", 0);
        assertTrue(b.take("a", 0).isEmpty(), "a was forgotten, so it starts full again");
        assertTrue(b.take("c", 0).isPresent(), "c is still remembered");
    }

    @Test
    void aLimitIsBurstSlashPerSecond() {
        assertEquals(new TokenBuckets.Limit(600, 100), TokenBuckets.Limit.parse(" 600 / 100 "));
        assertThrows(IllegalArgumentException.class, () -> TokenBuckets.Limit.parse("600"));
        assertThrows(IllegalArgumentException.class, () -> TokenBuckets.Limit.parse("0/1"));
        assertThrows(IllegalArgumentException.class, () -> TokenBuckets.Limit.parse("a/b"));
    }
}
