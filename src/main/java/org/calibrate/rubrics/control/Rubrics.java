package org.calibrate.rubrics.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.runtime.RandomTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rubric library of a platform (plus the shipped rubrics): create, edit in place while unused,
 * and a new version once a round has frozen the current one.
 */
@ApplicationScoped
@Transactional
public class Rubrics {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    AuditLog audit;

    /** The result of an edit: the rubric saved, and whether it is a new version. */
    public record Saved(Rubric rubric, boolean newVersion) {
    }

    /** Every version visible on a platform. */
    public List<Rubric> visible(long platformId) {
        return em.createQuery("select r from Rubric r where r.platformId is null or r.platformId = :p order by r.family, r.version", Rubric.class)
                .setParameter("p", platformId).getResultList();
    }

    /** The newest version of each family visible on a platform, shipped ones first, then by title. */
    public List<Rubric> newest(long platformId) {
        Map<String, Rubric> newest = new LinkedHashMap<>();
        for (Rubric r : visible(platformId)) {
            newest.merge(r.family(), r, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return newest.values().stream()
                .sorted(Comparator.comparing((Rubric r) -> !r.shipped()).thenComparing(r -> r.title().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    public Optional<Rubric> find(String id, long platformId) {
        Rubric r = id == null ? null : em.find(Rubric.class, id);
        return Optional.ofNullable(r).filter(x -> x.shipped() || x.platformId().get() == platformId);
    }

    public List<Rubric> versions(Rubric rubric) {
        return em.createQuery("select r from Rubric r where r.family = :f order by r.version", Rubric.class)
                .setParameter("f", rubric.family()).getResultList();
    }

    public Rubric create(long platformId, RubricDefinition definition, String userId) {
        RubricRules.requireValid(definition);
        Rubric rubric = new Rubric("r-" + RandomTokens.urlSafe(9).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x"),
                1, Optional.of(platformId), definition, Optional.of(userId), now());
        em.persist(rubric);
        audit.record("user:" + userId, "rubric.created", "rubric:" + rubric.id(), rubric.title());
        return rubric;
    }

    /** Edits in place while no round uses the version and the lock matches; otherwise the next version of the family. */
    public Saved edit(Rubric rubric, long lockVersion, RubricDefinition definition, long platformId, String userId) {
        RubricRules.requireValid(definition);
        if (rubric.frozen()) {
            int next = versions(rubric).stream().mapToInt(Rubric::version).max().orElse(0) + 1;
            Rubric version = new Rubric(rubric.family(), next, Optional.of(platformId), definition, Optional.of(userId), now());
            em.persist(version);
            audit.record("user:" + userId, "rubric.versioned", "rubric:" + version.id(), rubric.title() + " v" + next);
            return new Saved(version, true);
        }
        if (rubric.lockVersion() != lockVersion) {
            throw new jakarta.persistence.OptimisticLockException("rubric changed meanwhile");
        }
        rubric.define(definition, now());
        audit.record("user:" + userId, "rubric.edited", "rubric:" + rubric.id(), rubric.title());
        return new Saved(rubric, false);
    }

    /** A round uses this version from now on: it may no longer change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void freeze(Rubric rubric) {
        rubric.freeze();
    }

    void install(@Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object start) {
        installShipped();
    }

    /** Shipped rubrics into the database at start-up: a changed file becomes a new version, never an edit. */
    public void installShipped() {
        for (ShippedRubrics.Shipped s : ShippedRubrics.all()) {
            List<Rubric> existing = em.createQuery("select r from Rubric r where r.family = :f order by r.version desc", Rubric.class)
                    .setParameter("f", s.family()).getResultList();
            String json = RubricJson.write(s.definition());
            if (!existing.isEmpty() && existing.get(0).definitionJson().equals(json)) {
                continue;
            }
            int next = existing.isEmpty() ? 1 : existing.get(0).version() + 1;
            em.persist(new Rubric(s.family(), next, Optional.empty(), s.definition(), Optional.empty(), now()));
            audit.record(AuditLog.SYSTEM, "rubric.shipped", "rubric-family:" + s.family(), "version " + next);
        }
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
