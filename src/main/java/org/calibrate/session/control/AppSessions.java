package org.calibrate.session.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.calibrate.deeplinking.control.DeepLinkingRequests;
import org.calibrate.launch.control.LtiClaims;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.runtime.Caches;
import org.calibrate.runtime.RandomTokens;
import org.calibrate.runtime.Settings;
import org.calibrate.session.entity.SessionPrincipal;

import javax.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns a validated launch into an application session. The launch response hands the browser a
 * one-time code (in the URL fragment, so no server or proxy logs it); the front end exchanges it
 * for the Bearer token once.
 */
@ApplicationScoped
public class AppSessions {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Caches caches;
    @Inject
    AppSecrets secrets;
    @Inject
    Settings settings;
    @Inject
    LaunchRecords records;
    @Inject
    DeepLinkingRequests deepLinking;

    private final Clock clock = Clock.systemUTC();
    private Cache<String, String> codes;
    private volatile SessionTokenCodec codec;

    /** A signed token and when it ends. */
    public record Grant(String token, Instant expiresAt) {
    }

    /** The pending session under a one-time code; a public type for JSON-B. */
    public static class Pending {
        public String userId;
        public String courseId;
        public long platformId;
        public String deploymentId;
        public String placementId;
        public String purpose;
        public String deepLinkingId;
        public String forUser;
        public String toolRole;
        public List<String> ltiRoles;
    }

    /** Creates the bean, and so its caches, at start-up: never inside a request (see {@link Caches#expiring}). */
    void atStartup(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object start) {
    }

    @PostConstruct
    void init() {
        codes = caches.expiring("launch-codes", CODE_LIFETIME);
    }

    /**
     * Records the person and course, and returns the one-time code for the front end. The first
     * launches of one person in two tabs race to insert the same row; the loser finds the winner's
     * row on its second try.
     */
    public String begin(LtiLaunch launch) {
        if (launch.toolRole() == ToolRole.NONE) {
            throw new IllegalArgumentException("no session for a launch without a tool role");
        }
        LaunchRecords.Ids ids = recordWithRetry(launch);
        long platformId = launch.platform().id();
        Pending pending = new Pending();
        pending.userId = ids.userId();
        pending.courseId = ids.courseId();
        pending.platformId = platformId;
        pending.deploymentId = launch.deploymentId().value();
        pending.placementId = ids.placementId().orElse(null);
        pending.purpose = purpose(launch).name();
        if (launch.deepLinking().isPresent()) {
            pending.deepLinkingId = deepLinking.remember(launch, ids.userId(), ids.courseId());
        }
        pending.forUser = launch.forUser().orElse(null);
        pending.toolRole = launch.toolRole().name();
        pending.ltiRoles = launch.roles();
        String code = RandomTokens.urlSafe(32);
        codes.put(code, JSON.toJson(pending));
        return code;
    }

    private static SessionPrincipal.Purpose purpose(LtiLaunch launch) {
        return switch (launch.messageType()) {
            case LtiClaims.DEEP_LINKING_REQUEST -> SessionPrincipal.Purpose.DEEP_LINKING;
            case LtiClaims.SUBMISSION_REVIEW_REQUEST -> SessionPrincipal.Purpose.SUBMISSION_REVIEW;
            default -> SessionPrincipal.Purpose.RESOURCE_LINK;
        };
    }

    private LaunchRecords.Ids recordWithRetry(LtiLaunch launch) {
        try {
            return records.record(launch);
        } catch (RuntimeException firstTry) {
            return records.record(launch);
        }
    }

    /** Exchanges a one-time code for a token; a code works once and for two minutes. */
    public Optional<Grant> exchange(String code) {
        if (code == null || code.isBlank() || code.length() > 100) {
            return Optional.empty();
        }
        String json = codes.getAndRemove(code);
        if (json == null) {
            return Optional.empty();
        }
        Pending p = JSON.fromJson(json, Pending.class);
        Instant expires = clock.instant().plus(settings.sessionLifetime());
        SessionPrincipal principal = new SessionPrincipal(p.userId, p.courseId, p.platformId, p.deploymentId,
                Optional.ofNullable(p.placementId), SessionPrincipal.Purpose.valueOf(p.purpose),
                Optional.ofNullable(p.deepLinkingId), Optional.ofNullable(p.forUser), ToolRole.valueOf(p.toolRole),
                p.ltiRoles == null ? List.of() : p.ltiRoles, expires);
        return Optional.of(new Grant(codec().sign(principal), expires));
    }

    public Optional<SessionPrincipal> verify(String token) {
        return codec().verify(token);
    }

    private SessionTokenCodec codec() {
        SessionTokenCodec c = codec;
        if (c == null) {
            c = new SessionTokenCodec(secrets.secret("session-signing"), clock);
            codec = c;
        }
        return c;
    }
}
