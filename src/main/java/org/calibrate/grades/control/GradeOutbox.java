package org.calibrate.grades.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.grades.entity.OutboxItem;
import org.calibrate.placement.entity.Placement;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The grade return outbox: every state change of a score on its way to the gradebook, each in a
 * transaction of its own and audited, so the outbox tells the truth after any crash.
 */
@ApplicationScoped
public class GradeOutbox {
    /**
     * Moodle keeps score timestamps in whole seconds and refuses one that is not strictly newer (409),
     * so two scores for one learner are at least this far apart.
     */
    static final Duration MIN_TIMESTAMP_STEP = Duration.ofSeconds(1);

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    /** Stores a score to send; a waiting older score for the same learner is replaced by it. */
    @Transactional
    public OutboxItem enqueue(Placement placement, String userId, double scoreGiven, Optional<String> comment, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<OutboxItem> earlier = forLearner(placement.id(), userId);
        Instant timestamp = earlier.stream().map(OutboxItem::scoreTimestamp).max(Instant::compareTo)
                .map(last -> last.plus(MIN_TIMESTAMP_STEP)).filter(next -> next.isAfter(now)).orElse(now);
        for (OutboxItem e : earlier) {
            if ((e.state() == OutboxItem.State.PENDING || e.state() == OutboxItem.State.FAILED) && !claimed(e, now)) {
                e.supersede(now);
            }
        }
        OutboxItem item = new OutboxItem(placement.id(), userId, scoreGiven, placement.scoreMaximum(), comment, timestamp, actor, now);
        em.persist(item);
        em.flush();
        audit.record(actor, "grade.queued", "placement " + placement.id() + " learner " + userId,
                "score " + scoreGiven + "/" + placement.scoreMaximum() + ", outbox item " + item.id());
        return item;
    }

    /** An item a worker is sending right now is left alone; its older timestamp loses to the new score anyway. */
    private static boolean claimed(OutboxItem item, Instant now) {
        return item.claimedUntil().map(t -> t.isAfter(now)).orElse(false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> due(int max) {
        Instant now = clock.instant();
        return em.createQuery("select i.id from OutboxItem i where i.state = :s and i.nextAttemptAt <= :now"
                        + " and (i.claimedUntil is null or i.claimedUntil < :now) order by i.nextAttemptAt", Long.class)
                .setParameter("s", OutboxItem.State.PENDING).setParameter("now", now).setMaxResults(max).getResultList();
    }

    /**
     * Takes a due item for one worker. Two nodes racing for it both write its version; the loser's
     * commit fails and it moves on, so each attempt is made by one node.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OutboxItem> claim(long id, Duration lease) {
        Instant now = clock.instant();
        OutboxItem item = em.find(OutboxItem.class, id);
        if (item == null || item.state() != OutboxItem.State.PENDING
                || item.nextAttemptAt().map(t -> t.isAfter(now)).orElse(true)) {
            return Optional.empty();
        }
        item.claim(now.plus(lease));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            return Optional.empty();
        }
        return Optional.of(item);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(long id, String note) {
        OutboxItem item = em.find(OutboxItem.class, id);
        item.sent(clock.instant());
        audit.record("system", "grade.sent", "placement " + item.placementId() + " learner " + item.userId(),
                "outbox item " + id + ", attempt " + item.attempts() + note);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryAt(long id, Instant next, String error) {
        em.find(OutboxItem.class, id).retryAt(next, error, clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long id, String error) {
        OutboxItem item = em.find(OutboxItem.class, id);
        item.failed(error, clock.instant());
        audit.record("system", "grade.failed", "placement " + item.placementId() + " learner " + item.userId(),
                "outbox item " + id + " after " + item.attempts() + " attempts: " + error);
    }

    /** @param version the version the moderator saw */
    @Transactional
    public OutboxItem requeue(String placementId, long id, long version, String actor) {
        OutboxItem item = em.find(OutboxItem.class, id);
        if (item == null || !item.placementId().equals(placementId)) {
            throw new NoSuchElementException("No such grade in this placement.");
        }
        if (item.version() != version) {
            throw new OptimisticLockException("outbox item " + id + " changed");
        }
        if (item.state() != OutboxItem.State.FAILED) {
            throw new IllegalStateException("Only a grade that failed can be sent again; this one is " + item.state().name().toLowerCase() + ".");
        }
        item.requeue(clock.instant());
        audit.record(actor, "grade.requeued", "placement " + placementId + " learner " + item.userId(), "outbox item " + id);
        return item;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void lineItem(String placementId, URI url) {
        em.find(Placement.class, placementId).lineItem(url);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OutboxItem> find(long id) {
        return Optional.ofNullable(em.find(OutboxItem.class, id));
    }

    public List<OutboxItem> forPlacement(String placementId) {
        return em.createQuery("select i from OutboxItem i where i.placementId = :p order by i.createdAt desc, i.id desc", OutboxItem.class)
                .setParameter("p", placementId).setMaxResults(5000).getResultList();
    }

    private List<OutboxItem> forLearner(String placementId, String userId) {
        return em.createQuery("select i from OutboxItem i where i.placementId = :p and i.userId = :u", OutboxItem.class)
                .setParameter("p", placementId).setParameter("u", userId).getResultList();
    }
}
