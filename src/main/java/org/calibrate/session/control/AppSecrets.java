package org.calibrate.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Secrets the application makes for itself and every node must share, kept in the database. The
 * first node to need one creates it; a node that loses the race reads the winner's.
 */
@ApplicationScoped
public class AppSecrets {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    @Transactional
    public byte[] secret(String name) {
        Optional<byte[]> found = existing(name);
        if (found.isPresent()) {
            return found.get();
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        em.createNativeQuery("insert into app_secret (name, secret, created_at) select ?, ?, ? "
                        + "where not exists (select 1 from app_secret where name = ?)")
                .setParameter(1, name).setParameter(2, secret)
                .setParameter(3, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)).setParameter(4, name)
                .executeUpdate();
        return (byte[]) em.createNativeQuery("select secret from app_secret where name = ?").setParameter(1, name)
                .getSingleResult();
    }

    /** The secret if some node made it already; never makes one. */
    @Transactional
    public Optional<byte[]> existing(String name) {
        List<?> found = em.createNativeQuery("select secret from app_secret where name = ?").setParameter(1, name).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of((byte[]) found.get(0));
    }
}
