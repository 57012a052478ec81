package org.calibrate.privacy.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Enforces the school's retention of student work ({@code CALIBRATE_SUBMISSIONS_RETENTION}, an ISO-8601 period after a
 * round is finalised, one year by default, {@code off} to keep work until it is erased by hand): every hour each node
 * erases the rounds past it. Erasing twice is harmless, so no node needs to be in charge.
 */
@Singleton
public class SubmissionRetention {
    private static final Logger LOG = Logger.getLogger(SubmissionRetention.class.getName());
    /** Rounds erased per run: a bound; the next hour takes the rest. */
    static final int BATCH = 50;

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Erasure erasure;
    @Inject
    @ConfigProperty(name = "calibrate.submissions.retention", defaultValue = "P1Y")
    String retention;

    /** A setting that is not a period stops the start-up, not an hourly run. */
    @jakarta.annotation.PostConstruct
    void check() {
        period(retention);
    }

    @Schedule(hour = "*", minute = "23", persistent = false)
    void enforce() {
        run(Instant.now());
    }

    /** Erases the rounds finalised longer ago than the retention; returns how many. */
    public int run(Instant now) {
        Optional<Period> keep = period(retention);
        if (keep.isEmpty()) {
            return 0;
        }
        Instant before = now.atOffset(ZoneOffset.UTC).minus(keep.get()).toInstant();
        // A notice names a student and where the work is: kept no longer than the work itself.
        erasure.removeNotices(before, "system", "retention " + keep.get() + " after arrival");
        List<String> due = em.createQuery("select r.id from ModerationRound r where r.finalisedAt is not null and r.finalisedAt < :before"
                + " and r.erasedAt is null order by r.finalisedAt", String.class).setParameter("before", before).setMaxResults(BATCH).getResultList();
        for (String id : due) {
            erasure.eraseRound(id, "system", "retention " + keep.get() + " after finalising");
        }
        if (!due.isEmpty()) {
            LOG.info(() -> due.size() + " finalised round(s) reached the end of their retention; their student data was erased.");
        }
        return due.size();
    }

    static Optional<Period> period(String setting) {
        String s = setting == null ? "" : setting.strip();
        if (s.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Period p = Period.parse(s);
        if (p.isNegative() || p.isZero()) {
            throw new IllegalArgumentException("CALIBRATE_SUBMISSIONS_RETENTION must be a positive period such as P1Y, or off.");
        }
        return Optional.of(p);
    }
}
