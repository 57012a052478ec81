package org.calibrate.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.calibrate.audit.entity.AuditEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit trail as admins read it: newest first, filtered, a page at a time (by id, so pages never shift). */
@ApplicationScoped
public class AuditTrail {
    public static final int PAGE = 100;
    public static final int MAX_EXPORT = 10_000;

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    /**
     * @param action  events whose action starts with this (e.g. {@code import.} or {@code round.released})
     * @param actor   events by this actor (e.g. {@code member:…}, {@code user:…}, {@code system})
     * @param subject events whose subject contains this (e.g. {@code round:<id>})
     * @param before  events older than this id (the next page)
     */
    public record Filter(Optional<String> action, Optional<String> actor, Optional<String> subject, Optional<Instant> from,
                         Optional<Instant> to, Optional<Long> before) {
    }

    public List<AuditEvent> find(Filter f, int max) {
        StringBuilder q = new StringBuilder("select e from AuditEvent e where 1 = 1");
        List<Object[]> params = new ArrayList<>();
        f.action().ifPresent(a -> add(q, params, " and e.action like :action escape '\\'", "action", like(a) + "%"));
        f.actor().ifPresent(a -> add(q, params, " and e.actor = :actor", "actor", a));
        f.subject().ifPresent(s -> add(q, params, " and e.subject like :subject escape '\\'", "subject", "%" + like(s) + "%"));
        f.from().ifPresent(t -> add(q, params, " and e.occurredAt >= :from", "from", t));
        f.to().ifPresent(t -> add(q, params, " and e.occurredAt < :to", "to", t));
        f.before().ifPresent(b -> add(q, params, " and e.id < :before", "before", b));
        TypedQuery<AuditEvent> query = em.createQuery(q.append(" order by e.id desc").toString(), AuditEvent.class);
        params.forEach(p -> query.setParameter((String) p[0], p[1]));
        return query.setMaxResults(max).getResultList();
    }

    private static void add(StringBuilder q, List<Object[]> params, String clause, String name, Object value) {
        q.append(clause);
        params.add(new Object[] {name, value});
    }

    /** A filter is matched as typed: wildcards in it are plain characters. */
    static String like(String s) {
        return s.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
