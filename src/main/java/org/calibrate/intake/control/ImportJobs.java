package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.intake.entity.ImportItem;
import org.calibrate.intake.entity.ImportJob;
import org.calibrate.intake.entity.ImportKind;
import org.calibrate.rounds.control.Pieces;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Import jobs and their items: every change of state in a transaction of its own, so a job's rows say
 * where it stands after any crash; a job another node holds is left alone until its claim runs out.
 */
@ApplicationScoped
public class ImportJobs {
    /** One import lists at most this many submissions: a bound on every loop over them. */
    public static final int MAX_ITEMS = 5_000;

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public ImportJob create(RoundAccess.Access a, ImportKind kind, String label, String params) {
        RoundAccess.requirePhase(a.round(), Phase.SETUP, "Submissions can only be imported while the round is in setup.");
        Pieces.requireUnreleased(a.round());
        long running = em.createQuery("select count(j) from ImportJob j where j.roundId = :r and j.state <> :done", Long.class)
                .setParameter("r", a.round().id()).setParameter("done", ImportJob.State.DONE).getSingleResult();
        if (running >= 5) {
            throw new ApiRefusal(409, "imports_busy", "Five imports into this round are not finished yet; resume or wait for them first.");
        }
        ImportJob job = new ImportJob(a.round().id(), kind, label, params, a.member().id(), clock.instant());
        em.persist(job);
        audit.record("member:" + a.member().id(), "import.created", "round:" + a.round().id() + " import:" + job.id(), kind.key() + ": " + label);
        return job;
    }

    public List<ImportJob> of(String roundId) {
        return em.createQuery("select j from ImportJob j where j.roundId = :r order by j.createdAt desc", ImportJob.class)
                .setParameter("r", roundId).setMaxResults(50).getResultList();
    }

    public Optional<ImportJob> find(String roundId, String jobId) {
        ImportJob job = em.find(ImportJob.class, jobId);
        return job == null || !job.roundId().equals(roundId) ? Optional.empty() : Optional.of(job);
    }

    public List<ImportItem> items(String jobId) {
        return em.createQuery("select i from ImportItem i where i.jobId = :j order by i.position", ImportItem.class)
                .setParameter("j", jobId).setMaxResults(MAX_ITEMS).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(int max) {
        Instant now = clock.instant();
        return em.createQuery("select j.id from ImportJob j where j.state in :states and (j.claimedUntil is null or j.claimedUntil < :now)"
                        + " order by j.createdAt", String.class)
                .setParameter("states", List.of(ImportJob.State.QUEUED, ImportJob.State.LISTING, ImportJob.State.RUNNING))
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Takes a job for this node. Two nodes racing both write its version; the loser's commit fails, so one node works on it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ImportJob> claim(String jobId, Duration lease) {
        Instant now = clock.instant();
        ImportJob job = em.find(ImportJob.class, jobId);
        if (job == null || !job.claimable(now)) {
            return Optional.empty();
        }
        job.claim(now.plus(lease), now);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            return Optional.empty();
        }
        return Optional.of(job);
    }

    /** Keeps this node's claim alive while it works. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void renew(String jobId, Duration lease) {
        em.createQuery("update ImportJob j set j.claimedUntil = :until where j.id = :id")
                .setParameter("until", clock.instant().plus(lease)).setParameter("id", jobId).executeUpdate();
    }

    /** The source's listing becomes the job's items; a submission listed twice is kept once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void listed(String jobId, List<Connector.Listed> listed) {
        if (listed.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("One import takes at most " + MAX_ITEMS + " submissions; this source lists " + listed.size() + ".");
        }
        Instant now = clock.instant();
        ImportJob job = em.find(ImportJob.class, jobId);
        Set<String> keys = new HashSet<>(em.createQuery("select i.sourceKey from ImportItem i where i.jobId = :j", String.class)
                .setParameter("j", jobId).getResultList());
        int position = keys.size();
        for (Connector.Listed l : listed) {
            if (keys.add(l.sourceKey())) {
                em.persist(new ImportItem(jobId, position++, l.sourceKey(), l.fingerprint(), l.handle(), now));
            }
        }
        job.listed(position, now);
    }

    public List<ImportItem> pending(String jobId, int max) {
        return em.createQuery("select i from ImportItem i where i.jobId = :j and i.state = :s order by i.position", ImportItem.class)
                .setParameter("j", jobId).setParameter("s", ImportItem.State.PENDING).setMaxResults(max).getResultList();
    }

    /** An item the source could not deliver (and never will, as it stands): failed with the reason, the job goes on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String jobId, String itemId, String reason) {
        Instant now = clock.instant();
        ImportItem item = em.find(ImportItem.class, itemId);
        if (item == null || item.state() != ImportItem.State.PENDING) {
            return;
        }
        item.outcome(ImportItem.State.FAILED, Optional.empty(), Optional.of(reason), now);
        em.find(ImportJob.class, jobId).counted(ImportItem.State.FAILED, now);
    }

    /** The source failed in a way that may pass (an outage, a timeout, a refused token): resumable by a person. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void stopped(String jobId, String message) {
        ImportJob job = em.find(ImportJob.class, jobId);
        job.stopped(message, clock.instant());
        audit.record("system", "import.stopped", "round:" + job.roundId() + " import:" + jobId, message);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(String jobId, List<String> notices) {
        ImportJob job = em.find(ImportJob.class, jobId);
        job.done(notices, clock.instant());
        audit.record("system", "import.done", "round:" + job.roundId() + " import:" + jobId,
                job.added() + " added, " + job.updated() + " changed, " + job.unchanged() + " unchanged, " + job.failed() + " failed of " + job.total());
    }

    /** A person resumes a stopped or finished job: failed items are tried again, the job queues for the next free node. */
    @Transactional
    public ImportJob resume(RoundAccess.Access a, String jobId) {
        RoundAccess.requirePhase(a.round(), Phase.SETUP, "Submissions can only be imported while the round is in setup.");
        ImportJob job = find(a.round().id(), jobId).orElseThrow(() -> new ApiRefusal(404, "not_found", "No such import in this round."));
        Instant now = clock.instant();
        if (job.state() != ImportJob.State.STOPPED && job.state() != ImportJob.State.DONE) {
            throw new ApiRefusal(409, "import_running", "This import is still running.");
        }
        List<ImportItem> failed = em.createQuery("select i from ImportItem i where i.jobId = :j and i.state = :s", ImportItem.class)
                .setParameter("j", jobId).setParameter("s", ImportItem.State.FAILED).getResultList();
        failed.forEach(i -> i.retry(now));
        job.resume(failed.size(), now);
        audit.record("member:" + a.member().id(), "import.resumed", "round:" + a.round().id() + " import:" + jobId,
                failed.size() + " failed submissions tried again");
        return job;
    }
}
