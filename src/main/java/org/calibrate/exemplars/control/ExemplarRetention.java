package org.calibrate.exemplars.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Enforces retention: every hour each node ends the exemplars past their date (their text is erased). Reads of
 * the library already leave them out, so the timer only has to erase; doing it twice is harmless, so no node
 * needs to be in charge.
 */
@Singleton
public class ExemplarRetention {
    private static final Logger LOG = Logger.getLogger(ExemplarRetention.class.getName());

    @Inject
    Exemplars exemplars;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void expire() {
        int ended = exemplars.expire();
        if (ended > 0) {
            LOG.info(() -> ended + " exemplar(s) reached the end of their retention; their text was erased.");
        }
    }
}
