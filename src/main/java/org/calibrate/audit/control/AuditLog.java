package org.calibrate.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.entity.AuditEvent;

import java.time.Clock;
import java.time.Instant;

/** Appends to the audit trail inside the caller's transaction, so the record and the change commit together. */
@ApplicationScoped
public class AuditLog {
    /** The actor for changes the system makes on its own (start-up, scheduled work). */
    public static final String SYSTEM = "system";

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, String detail) {
        em.persist(new AuditEvent(actor, action, subject, detail, Instant.now(Clock.systemUTC())));
    }
}
