package org.calibrate.keys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.keys.entity.ResealRun;
import org.calibrate.runtime.DataKey;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The re-sealing run as every node sees it: started once at a time, its progress, its end; audited. */
@ApplicationScoped
@Transactional
public class ResealRuns {
    /** How long a node's claim on the run lasts without a sign of life; every batch renews it. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    DataKey key;
    @Inject
    SealedValues values;
    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    public ResealRun current() {
        return em.find(ResealRun.class, ResealRun.ID);
    }

    /** Starts a run for {@code actor}; refused without a key, or while another run is alive. */
    public ResealRun start(String actor) {
        if (!key.available()) {
            throw new ApiRefusal(409, "no_data_key", "Set CALIBRATE_DATA_KEY on the server first: values are re-sealed under it.");
        }
        Instant now = clock.instant();
        ResealRun run = current();
        if (run.running(now)) {
            throw new ApiRefusal(409, "reseal_running", "Re-sealing is already running (started by " + run.startedBy().orElse("?") + ").");
        }
        String kid = key.currentKid().orElseThrow();
        long due = values.census().stream().mapToLong(c -> c.due(Optional.of(kid))).sum();
        run.start(kid, actor, due, now, now.plus(LEASE));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ApiRefusal(409, "reseal_running", "Re-sealing was started by someone else a moment ago.");
        }
        audit.record(actor, "data-key.reseal-started", "data-key:" + kid, due + " values not under " + kid + "; keys that open the rest: "
                + (key.previousKids().isEmpty() ? "none" : String.join(", ", key.previousKids())));
        return run;
    }

    /** Adds a batch's outcome; false when the run is no longer this worker's (another run took over). */
    public boolean progress(String runId, SealedValues.Outcome o) {
        ResealRun run = current();
        if (!run.ownedBy(runId)) {
            return false;
        }
        run.progress(o.resealed(), o.failed(), o.skipped(), o.error(), clock.instant().plus(LEASE));
        return true;
    }

    public void finish(String runId, Optional<String> error) {
        ResealRun run = current();
        if (!run.ownedBy(runId)) {
            return;
        }
        run.finish(clock.instant(), error);
        audit.record(run.startedBy().orElse(AuditLog.SYSTEM), "data-key.reseal-finished", "data-key:" + run.kid().orElse("?"),
                run.resealed() + " re-sealed, " + run.failed() + " no held key opens, " + run.skipped() + " changed meanwhile or already under the key"
                        + error.map(e -> "; stopped: " + e).orElse(""));
    }
}
