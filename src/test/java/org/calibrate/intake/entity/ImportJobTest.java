package org.calibrate.intake.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportJobTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aJobListsFirstThenRunsAndCountsEachOutcome() {
        ImportJob job = new ImportJob("round", ImportKind.DEMO, "demo", "{}", "member", T0);
        assertTrue(job.claimable(T0));
        job.claim(T0.plusSeconds(60), T0);
        assertEquals(ImportJob.State.LISTING, job.state());
        assertFalse(job.claimable(T0.plusSeconds(30)), "held while its claim lasts");
        assertTrue(job.claimable(T0.plusSeconds(61)), "taken up again when the claim ran out (its node died)");
        job.listed(3, T0);
        assertEquals(ImportJob.State.RUNNING, job.state());
        job.counted(ImportItem.State.ADDED, T0);
        job.counted(ImportItem.State.UNCHANGED, T0);
        job.counted(ImportItem.State.FAILED, T0);
        assertEquals(3, job.finished());
        job.done(List.of("One student could not be matched."), T0);
        assertEquals(ImportJob.State.DONE, job.state());
        assertEquals("One student could not be matched.", job.message().orElseThrow());
        assertFalse(job.claimable(T0.plusSeconds(3600)));
    }

    @Test
    void aStoppedJobResumesWithItsFailedItemsUncounted() {
        ImportJob job = new ImportJob("round", ImportKind.MOODLE, "m", "{}", "member", T0);
        job.claim(T0.plusSeconds(60), T0);
        job.listed(2, T0);
        job.counted(ImportItem.State.FAILED, T0);
        job.stopped("Moodle is in maintenance mode", T0);
        assertEquals(ImportJob.State.STOPPED, job.state());
        assertFalse(job.claimable(T0), "a stopped job waits for a person");
        job.resume(1, T0);
        assertEquals(0, job.failed());
        assertTrue(job.message().isEmpty());
        job.claim(T0.plusSeconds(60), T0);
        assertEquals(ImportJob.State.RUNNING, job.state(), "listed already: it goes on with the pending items");
    }
}
