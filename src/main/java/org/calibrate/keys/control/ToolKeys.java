package org.calibrate.keys.control;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.keys.entity.ToolKey;
import org.calibrate.runtime.Settings;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * The tool's key ring. The first start generates a key; rotation makes a new active key and keeps
 * the old public key published for the configured overlap. Everything is read from the database
 * on use, so every node of a cluster signs with, and publishes, the same keys.
 */
@ApplicationScoped
public class ToolKeys {
    private static final Logger LOG = Logger.getLogger(ToolKeys.class.getName());

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Settings settings;
    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    void ensureKey(@Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object start) {
        if (all().stream().noneMatch(ToolKey::active)) {
            ToolKey key = ToolKey.generate(clock.instant());
            em.persist(key);
            audit.record(AuditLog.SYSTEM, "tool-key.generated", key.kid(), null);
            LOG.info(() -> "Generated the tool signing key " + key.kid());
        }
    }

    /** The newest active key signs. Two active keys exist only if two nodes started at once; both are published. */
    public RSAKey signingKey() {
        return all().stream().filter(ToolKey::active).max(Comparator.comparing(ToolKey::createdAt))
                .orElseThrow(() -> new IllegalStateException("no active tool key"))
                .signingKey();
    }

    public JWKSet publicKeys() {
        Instant now = clock.instant();
        return new JWKSet(all().stream().filter(k -> k.publishedAt(now))
                .sorted(Comparator.comparing(ToolKey::createdAt).reversed())
                .map(k -> (com.nimbusds.jose.jwk.JWK) k.publicKey()).toList());
    }

    public List<ToolKey> all() {
        return em.createQuery("select k from ToolKey k", ToolKey.class).getResultList();
    }

    /** Retires every active key and makes a new one; retired public keys stay published for the overlap period. */
    @Transactional
    public ToolKey rotate(String actor) {
        Instant now = clock.instant();
        List<ToolKey> active = em.createQuery("select k from ToolKey k where k.retiredAt is null", ToolKey.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        active.forEach(k -> k.retire(now, settings.keyOverlap()));
        ToolKey fresh = ToolKey.generate(now);
        em.persist(fresh);
        audit.record(actor, "tool-key.rotated", fresh.kid(),
                "retired " + active.stream().map(ToolKey::kid).toList() + ", published until " + now.plus(settings.keyOverlap()));
        LOG.info(() -> "Tool key rotated by " + actor + "; new key " + fresh.kid());
        return fresh;
    }

    public boolean healthy() {
        return all().stream().anyMatch(ToolKey::active);
    }
}
