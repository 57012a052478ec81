package org.calibrate.grades.control;

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
import org.calibrate.deeplinking.control.DeepLinks;
import org.calibrate.grades.entity.ActivityProgress;
import org.calibrate.grades.entity.GradingProgress;
import org.calibrate.grades.entity.LineItem;
import org.calibrate.grades.entity.OutboxItem;
import org.calibrate.grades.entity.Score;
import org.calibrate.placement.entity.Placement;
import org.calibrate.platform.control.ServiceFailure;
import org.calibrate.platform.control.ServiceTokens;
import org.calibrate.runtime.Settings;
import org.calibrate.session.entity.Course;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Drains the grade outbox: every few seconds each node takes the due scores it can claim and posts
 * them to the platform (AGS 2.0 score publish service), backing off on failures. A non-persistent
 * timer per node: the outbox rows are the durable part, so a node that dies loses no work.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GradeSender {
    private static final Logger LOG = Logger.getLogger(GradeSender.class.getName());
    static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    static final int BATCH = 20;
    /** Longer than any one send (token + line item + score, each with its own timeout). */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Resource
    TimerService timers;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    GradeOutbox outbox;
    @Inject
    ServiceTokens tokens;
    @Inject
    Settings settings;

    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean draining = new AtomicBoolean();
    private RetryPolicy policy;

    @PostConstruct
    void start() {
        policy = new RetryPolicy(RandomGenerator.getDefault(), settings.gradeRetryBase());
        long every = settings.gradePollInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("grade-outbox", false));
    }

    /** One round at a time per node; HTTP calls stay outside transactions, each outbox write has its own. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Long id : outbox.due(BATCH)) {
                outbox.claim(id, LEASE).ifPresent(this::send);
            }
        } catch (RuntimeException e) {
            // The next round tries again; an item stays pending, its lease runs out.
            LOG.log(Level.WARNING, "Grade outbox round failed", e);
        } finally {
            draining.set(false);
        }
    }

    private void send(OutboxItem item) {
        int attempt = item.attempts() + 1;
        try {
            Placement placement = em.find(Placement.class, item.placementId());
            Course course = em.find(Course.class, placement.courseId());
            URI lineItem = lineItem(placement, course);
            Score score = new Score(item.userId(), Optional.of(item.scoreGiven()), Optional.of(item.scoreMaximum()), item.comment(),
                    // Moodle drops any score whose gradingProgress is not FullyGraded.
                    ActivityProgress.Completed, GradingProgress.FullyGraded, item.scoreTimestamp());
            AssignmentGradesClient client = new AssignmentGradesClient(tokens.http());
            tokens.call(course.platformId(), Set.of(SCORE), token -> {
                client.postScore(lineItem, token, score);
                return null;
            });
            outbox.sent(item.id(), "");
        } catch (ServiceFailure f) {
            if (RetryPolicy.deliveredAlready(f, attempt)) {
                outbox.sent(item.id(), "; the platform already held this score (HTTP 409 on a repeat)");
                return;
            }
            Optional<Instant> next = policy.next(attempt, f, clock.instant());
            if (next.isPresent()) {
                outbox.retryAt(item.id(), next.get(), failure(f));
            } else {
                outbox.failed(item.id(), failure(f));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Grade outbox item " + item.id() + " could not be sent", e);
            String error = "internal error: " + e.getClass().getSimpleName();
            if (attempt >= RetryPolicy.MAX_ATTEMPTS) {
                outbox.failed(item.id(), error);
            } else {
                outbox.retryAt(item.id(), clock.instant().plus(settings.gradeRetryBase()), error);
            }
        }
    }

    private static String failure(ServiceFailure f) {
        return (f.status() == 0 ? "unreachable" : "HTTP " + f.status()) + ": " + f.getMessage();
    }

    /**
     * The placement's line item: the one the launch named, else found by resource link and tag among
     * the course's line items, else created (AGS 2.0 §3.2).
     */
    private URI lineItem(Placement placement, Course course) throws ServiceFailure {
        Optional<URI> known = placement.lineItemUrl();
        if (known.isPresent()) {
            return known.get();
        }
        URI lineItems = course.lineItemsUrl().orElseThrow(() -> new ServiceFailure(400,
                "the platform offers no gradebook service in this course; an admin enables Assignment and Grade Services for the tool"));
        AssignmentGradesClient client = new AssignmentGradesClient(tokens.http());
        LineItem wanted = new LineItem(Optional.empty(), placement.title(), placement.scoreMaximum(),
                placement.resourceLinkId(), Optional.of(placement.id()), Optional.of(DeepLinks.LINE_ITEM_TAG));
        LineItem found = tokens.call(course.platformId(), Set.of(LINE_ITEM), token -> client.findOrCreate(lineItems, token, wanted));
        URI url = found.id().orElseThrow(() -> new ServiceFailure(502, "the platform created a line item without an id"));
        outbox.lineItem(placement.id(), url);
        return url;
    }
}
