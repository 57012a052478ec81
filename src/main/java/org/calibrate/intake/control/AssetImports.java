package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.intake.entity.ImportJob;
import org.calibrate.intake.entity.ImportKind;
import org.calibrate.notices.entity.AssetNotice;
import org.calibrate.notices.entity.PlatformNotice;
import org.calibrate.platform.control.ServiceFailure;
import org.calibrate.platform.control.ServiceTokens;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Round;
import org.calibrate.runtime.Settings;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.entity.Course;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A round's course as an Asset Processor: Calibrate's notice handler registered with the platform, the
 * activities whose submissions the platform has sent notices for, and an import of one of them.
 */
@ApplicationScoped
public class AssetImports {
    public static final String NOTICE_HANDLERS_SCOPE = "https://purl.imsglobal.org/spec/lti/scope/noticehandlers";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    ServiceTokens tokens;
    @Inject
    Settings settings;
    @Inject
    ImportJobs jobs;
    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    /** An activity with submission notices: how many students' work, and when the latest notice came. */
    public record Activity(String id, Optional<String> title, long students, Instant latest) {
    }

    public record State(boolean offered, Optional<Instant> handlerRegisteredAt, List<Activity> activities) {
    }

    public State state(Round round) {
        Course course = em.find(Course.class, round.courseId());
        // Counted here rather than by an aggregate query: the times go through the Instant converter only as plain columns.
        Map<String, Activity> activities = new LinkedHashMap<>();
        Map<String, Set<String>> students = new HashMap<>();
        for (Object[] r : em.createQuery("select n.activityId, n.activityTitle, n.submissionKey, n.receivedAt from AssetNotice n"
                        + " where n.platformId = :p and n.contextId = :c order by n.receivedAt desc", Object[].class)
                .setParameter("p", course.platformId()).setParameter("c", course.contextId()).setMaxResults(ImportJobs.MAX_ITEMS * 4).getResultList()) {
            String id = (String) r[0];
            Set<String> keys = students.computeIfAbsent(id, k -> new HashSet<>());
            keys.add((String) r[2]);
            Activity known = activities.get(id);
            activities.put(id, new Activity(id, known != null && known.title().isPresent() ? known.title() : Optional.ofNullable((String) r[1]),
                    keys.size(), known != null ? known.latest() : (Instant) r[3]));
        }
        return new State(course.noticeServiceUrl().isPresent(), course.noticeHandlerAt(), List.copyOf(activities.values()));
    }

    /**
     * Platform Notification Service §3.2: PUT {@code {notice_type, handler}} to the service URL the launch named,
     * with a token of the noticehandlers scope. One handler per deployment serves every course of it.
     */
    @Transactional
    public State registerHandler(RoundAccess.Access a) {
        Course course = em.find(Course.class, a.round().courseId());
        URI service = course.noticeServiceUrl().orElseThrow(() -> new ApiRefusal(409, "no_notice_service",
                "The LMS did not offer its Platform Notification Service in the latest launch of this course: it does not send "
                        + "Asset Processor submissions, or the tool is not placed as an Asset Processor there."));
        String body = Json.createObjectBuilder().add("notice_type", PlatformNotice.ASSET_PROCESSOR_SUBMISSION)
                .add("handler", settings.publicUrl() + "/lti/notices").build().toString();
        try {
            tokens.call(course.platformId(), Set.of(NOTICE_HANDLERS_SCOPE), token -> put(service, token, body));
        } catch (ServiceFailure f) {
            throw new ApiRefusal(f.retryable() ? 503 : 502, "notice_handler_refused", "The LMS did not take Calibrate's notice handler: " + f.getMessage() + ".");
        }
        course.noticeHandlerRegistered(clock.instant());
        audit.record("member:" + a.member().id(), "notice.handler_registered", "round:" + a.round().id(), "for " + PlatformNotice.ASSET_PROCESSOR_SUBMISSION);
        return state(a.round());
    }

    private Void put(URI service, String token, String body) throws ServiceFailure {
        HttpResponse<String> reply;
        try {
            reply = tokens.http().send(HttpRequest.newBuilder(service).timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceFailure(0, "the notice service cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailure(0, "interrupted while registering the notice handler");
        }
        int status = reply.statusCode();
        if (status < 200 || status > 299) {
            throw new ServiceFailure(status, switch (status) {
                case 401 -> "the access token was not accepted (HTTP 401)";
                case 403 -> "the tool's token does not grant the noticehandlers scope (HTTP 403); an admin gives the tool that scope";
                case 400 -> "the LMS refused the handler (HTTP 400); its address must be on the tool's registered domain";
                default -> "the notice service answered HTTP " + status;
            });
        }
        return null;
    }

    public ImportJob start(RoundAccess.Access a, String activityId) {
        State state = state(a.round());
        Activity chosen = state.activities().stream().filter(x -> x.id().equals(activityId)).findFirst()
                .orElseThrow(() -> ApiRefusal.invalid("The LMS has sent no submissions for that activity of this course."));
        String params = Json.createObjectBuilder().add("activity", activityId).build().toString();
        return jobs.create(a, ImportKind.ASSET, "LMS activity " + chosen.title().orElse(activityId), params);
    }

    /** Each student's latest notice for the activity (by the notice's time, then arrival); at most an import's worth. */
    public List<AssetNotice> latest(Round round, String activityId) {
        Course course = em.find(Course.class, round.courseId());
        List<AssetNotice> all = em.createQuery("select n from AssetNotice n where n.platformId = :p and n.contextId = :c and n.activityId = :a"
                        + " order by n.noticeAt desc, n.receivedAt desc", AssetNotice.class)
                .setParameter("p", course.platformId()).setParameter("c", course.contextId()).setParameter("a", activityId)
                .setMaxResults(ImportJobs.MAX_ITEMS * 4).getResultList();
        Set<String> seen = new HashSet<>();
        return all.stream().filter(n -> seen.add(n.submissionKey())).limit(ImportJobs.MAX_ITEMS).toList();
    }

    public Optional<AssetNotice> find(String id) {
        return Optional.ofNullable(em.find(AssetNotice.class, id));
    }
}
