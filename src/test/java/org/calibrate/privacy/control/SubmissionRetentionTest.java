package org.calibrate.privacy.control;

import org.junit.jupiter.api.Test;

import java.time.Period;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubmissionRetentionTest {
    @Test
    void retentionIsAPositivePeriodOrOff() {
        assertEquals(Optional.of(Period.ofYears(1)), SubmissionRetention.period("P1Y"));
        assertEquals(Optional.of(Period.ofDays(90)), SubmissionRetention.period(" P90D "));
        assertEquals(Optional.empty(), SubmissionRetention.period("off"));
        assertThrows(IllegalArgumentException.class, () -> SubmissionRetention.period("P0D"));
        assertThrows(RuntimeException.class, () -> SubmissionRetention.period("a year"));
    }

    @Test
    void anImportNamesTheBlobsItKept() {
        assertEquals(List.of("zip-1"), Erasure.blobIds("{\"blob\":\"zip-1\",\"sha256\":\"x\"}"));
        assertEquals(List.of("a", "b"), Erasure.blobIds("{\"key\":\"k\",\"files\":[{\"blob\":\"a\",\"name\":\"x\"},{\"blob\":\"b\",\"name\":\"y\"}]}"));
        assertEquals(List.of(), Erasure.blobIds("{}"));
    }
}
