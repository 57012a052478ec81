package org.calibrate.intake.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.calibrate.anonymise.control.Anonymiser;
import org.calibrate.intake.entity.ImportItem;
import org.calibrate.intake.entity.ImportJob;
import org.calibrate.intake.entity.Submission;
import org.calibrate.intake.formats.ExtractionLimits;
import org.calibrate.intake.formats.Extractor;
import org.calibrate.rounds.control.Pieces;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.Round;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works on import jobs: every few seconds each node takes a job no live node holds and turns its
 * pending items into pieces, one transaction per item. A node that dies loses nothing: its claim runs
 * out and any node resumes the job from the first pending item.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ImportRunner {
    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());
    private static final int BATCH = 25;

    @Resource
    TimerService timers;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    ImportJobs jobs;
    @Inject
    Connectors connectors;
    @Inject
    PieceIntake intake;
    @Inject
    Pieces pieces;
    @Inject
    IntakePolicy policy;

    private final AtomicBoolean working = new AtomicBoolean();

    @PostConstruct
    void start() {
        long every = policy.poll().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("imports", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        if (!working.compareAndSet(false, true)) {
            return;
        }
        try {
            for (String id : jobs.due(5)) {
                jobs.claim(id, policy.lease()).ifPresent(this::work);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import round failed", e);
        } finally {
            working.set(false);
        }
    }

    private void work(ImportJob claimed) {
        String jobId = claimed.id();
        try {
            Connector connector = connectors.forJob(claimed);
            if (claimed.state() == ImportJob.State.LISTING) {
                jobs.listed(jobId, connector.list());
                jobs.renew(jobId, policy.lease());
            }
            Round round = em.find(Round.class, claimed.roundId());
            ExtractionLimits d = ExtractionLimits.defaults();
            Extractor extractor = new Extractor(new ExtractionLimits(policy.maxFileBytes(), d.maxPages(), d.maxTextChars(), d.maxPixels(),
                    d.minInflateRatio(), d.maxZipEntryBytes()));
            Piece.Source source = Connectors.source(claimed.kind());
            Set<String> classes = new HashSet<>();
            Anonymiser anonymiser = pieces.anonymiser(round, classes);
            Instant renewed = Instant.now();
            for (int guard = 0; guard <= ImportJobs.MAX_ITEMS / BATCH + 1; guard++) {
                List<ImportItem> batch = jobs.pending(jobId, BATCH);
                if (batch.isEmpty()) {
                    jobs.done(jobId, connector.notices());
                    return;
                }
                for (ImportItem item : batch) {
                    if (intake.unchanged(jobId, item.id())) {
                        continue;
                    }
                    Submission s;
                    try {
                        s = connector.fetch(new Connector.Listed(item.sourceKey(), item.fingerprint(), item.handle()));
                    } catch (SourceFailure f) {
                        if (f.retryable()) {
                            jobs.stopped(jobId, f.getMessage());
                            return;
                        }
                        jobs.failed(jobId, item.id(), f.getMessage());
                        continue;
                    }
                    // A class named by this submission is redacted from every piece, its own included.
                    if (s.group().isPresent() && classes.add(s.group().get())) {
                        anonymiser = pieces.anonymiser(round, classes);
                    }
                    intake.take(jobId, item.id(), s, source, extractor, anonymiser);
                    if (Duration.between(renewed, Instant.now()).compareTo(policy.lease().dividedBy(3)) > 0) {
                        jobs.renew(jobId, policy.lease());
                        renewed = Instant.now();
                    }
                }
            }
            jobs.stopped(jobId, "The import went on longer than its items allow; resume it.");
        } catch (SourceFailure f) {
            jobs.stopped(jobId, f.getMessage());
        } catch (IllegalArgumentException e) {
            // A bound of intake (too many submissions in one source): said as it is.
            jobs.stopped(jobId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + jobId + " stopped", e);
            jobs.stopped(jobId, "Stopped by an internal error (" + e.getClass().getSimpleName() + "); resume it, and tell the admin if it stops again.");
        }
    }
}
