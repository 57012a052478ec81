package org.calibrate.launch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.launch.entity.LaunchEvent;

import java.time.Clock;
import java.util.List;

/**
 * Launch outcomes per registered platform. Only launches that name a registered issuer are kept,
 * so anonymous junk cannot fill the table; reasons are our own messages, never token content.
 */
@ApplicationScoped
public class LaunchEvents {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Long platformId, String issuer, String outcome, String reason) {
        em.persist(new LaunchEvent(platformId, issuer, outcome, reason, clock.instant()));
    }

    public List<LaunchEvent> latest(long platformId, int max) {
        return em.createQuery("select e from LaunchEvent e where e.platformId = :p order by e.occurredAt desc", LaunchEvent.class)
                .setParameter("p", platformId).setMaxResults(max).getResultList();
    }
}
