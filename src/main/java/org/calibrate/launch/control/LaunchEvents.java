package org.calibrate.launch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.launch.entity.LaunchEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Launch outcomes per registered platform. Only launches that name a registered issuer are kept,
 * and only for {@link #KEEP}, so neither junk nor time can grow the table without bound; reasons
 * are our own messages, never token content.
 */
@ApplicationScoped
public class LaunchEvents {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    static final Duration KEEP = Duration.ofDays(30);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Long platformId, String issuer, String outcome, String reason) {
        Instant now = clock.instant();
        // What a refused token carried may be anything; what is recorded is printable.
        em.persist(new LaunchEvent(platformId, issuer == null ? null : Text.withoutControl(issuer), outcome,
                reason == null ? null : Text.withoutControl(reason), now));
        Instant last = lastPrune.get();
        if (last.plus(PRUNE_EVERY).isBefore(now) && lastPrune.compareAndSet(last, now)) {
            em.createQuery("delete from LaunchEvent e where e.occurredAt < :cutoff")
                    .setParameter("cutoff", now.minus(KEEP)).executeUpdate();
        }
    }

    public List<LaunchEvent> latest(long platformId, int max) {
        return em.createQuery("select e from LaunchEvent e where e.platformId = :p order by e.occurredAt desc", LaunchEvent.class)
                .setParameter("p", platformId).setMaxResults(max).getResultList();
    }
}
