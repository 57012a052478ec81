package org.calibrate.launch.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.calibrate.launch.entity.LaunchEvent;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.platform.control.PlatformRegistry;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.RegisteredPlatform;
import org.calibrate.runtime.Caches;
import org.calibrate.runtime.Settings;

import javax.cache.Cache;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The launch flow: login → (platform authenticates the user) → launch. Binds the OIDC state to the
 * browser that started the login — by a cookie, or through LTI platform storage when the platform
 * offers it and the browser blocks cookies in the LMS frame.
 */
@ApplicationScoped
public class Launches {
    private static final Logger LOG = Logger.getLogger(Launches.class.getName());
    static final Duration STORAGE_CHECK_LIFETIME = Duration.ofMinutes(2);
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Settings settings;
    @Inject
    PlatformRegistry registry;
    @Inject
    PlatformKeySets keySets;
    @Inject
    UsedNonces nonces;
    @Inject
    LoginStates states;
    @Inject
    LaunchEvents events;
    @Inject
    Caches caches;

    private final Clock clock = Clock.systemUTC();
    private Cache<String, String> storageChecks;
    private PlatformDirectory directory;

    /** A launch that passed, or that waits for the platform-storage proof of its browser. */
    public sealed interface Outcome {
    }

    public record Launched(LtiLaunch launch) implements Outcome {
    }

    /** The browser must read {@code key} from the platform's storage frame and post it back with the ticket. */
    public record StorageCheck(String ticket, String storageTarget, String platformOrigin, String key) implements Outcome {
    }

    /** What a pending platform-storage check keeps; public for JSON-B. */
    public static class PendingCheck {
        public String idToken;
        public String state;
        public String iss;
        public String clientId;
        public String nonce;
        public String targetLinkUri;
        public String browserSecret;
    }

    /** Creates the bean, and so its caches, at start-up: never inside a request (see {@link Caches#expiring}). */
    void atStartup(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object start) {
    }

    @PostConstruct
    void init() {
        storageChecks = caches.expiring("lti-storage-checks", STORAGE_CHECK_LIFETIME);
        directory = new PlatformDirectory() {
            @Override
            public Optional<RegisteredPlatform> find(Issuer issuer, ClientId clientId) {
                return registry.find(issuer, clientId);
            }

            @Override
            public List<RegisteredPlatform> byIssuer(Issuer issuer) {
                return registry.findByIssuer(issuer);
            }
        };
    }

    /** The registered platforms, as the LTI message rules consult them (launches, platform notices). */
    public PlatformDirectory directory() {
        return directory;
    }

    public LoginInitiation.Accepted login(LoginRequest request) throws LaunchRejected {
        LoginInitiation.Accepted accepted = new LoginInitiation(directory, settings.publicUrl(), redirectUri()).accept(request);
        states.remember(accepted.state());
        return accepted;
    }

    /** The cookie that binds a state to its browser: one per state, so parallel launches in two tabs do not collide. */
    public static String cookieName(String state) {
        return "lti-state-" + digest(state);
    }

    /**
     * @param cookies the request's cookie values by name
     */
    public Outcome launch(String idToken, String state, Function<String, Optional<String>> cookies) throws LaunchRejected {
        if (idToken == null || idToken.isBlank()) {
            throw LaunchRejected.badRequest("missing_id_token", "The launch has no id_token (LTI Core §5.1.1: the platform posts id_token and state).");
        }
        // OIDC Core §3.1.2.7 / Security Framework §7.3.1: the state must be one we issued, once, to this browser.
        if (state == null || state.isBlank()) {
            throw LaunchRejected.unauthorized("missing_state", "The launch has no state parameter, so Calibrate cannot tell that it belongs to a login from this browser.");
        }
        LoginState login = states.take(state).orElseThrow(() -> LaunchRejected.unauthorized("unknown_state",
                "This launch's state is unknown, expired or already used. Launch again from the course."));
        boolean bound = cookies.apply(cookieName(state)).map(v -> constantTimeEquals(v, login.browserSecret())).orElse(false);
        if (!bound) {
            if (login.storageTarget().isPresent() && login.platformOrigin().isPresent()) {
                return storageCheck(idToken, login);
            }
            reject(login, "state_not_bound", "browser cookie missing");
            throw new LaunchRejected(401, "state_not_bound",
                    "This browser did not keep the cookie Calibrate set when the launch began — usually because it blocks cookies inside the LMS page. Open Calibrate in a new window, or allow cookies for this site.");
        }
        return new Launched(validate(idToken, login));
    }

    /** The second half of a platform-storage launch: the browser read our secret back from the platform. */
    public Launched confirmStorage(String ticket, String value) throws LaunchRejected {
        String json = ticket == null || ticket.length() > 100 ? null : storageChecks.getAndRemove(ticket);
        if (json == null) {
            throw LaunchRejected.unauthorized("unknown_ticket", "This launch check is unknown, expired or already used. Launch again from the course.");
        }
        PendingCheck p = JSON.fromJson(json, PendingCheck.class);
        LoginState login = new LoginState(p.state, new ExpectedLogin(new Issuer(p.iss), new ClientId(p.clientId), p.nonce, p.targetLinkUri),
                p.browserSecret, Optional.empty(), Optional.empty());
        if (value == null || !constantTimeEquals(value, p.browserSecret)) {
            reject(login, "state_not_bound", "platform storage value did not match");
            throw LaunchRejected.unauthorized("state_not_bound", "The platform's storage did not hold this launch's value: the launch did not start in this browser.");
        }
        return new Launched(validate(p.idToken, login));
    }

    private StorageCheck storageCheck(String idToken, LoginState login) throws LaunchRejected {
        if (idToken.length() > IdTokenValidator.MAX_TOKEN_CHARS) {
            throw new LaunchRejected(413, "token_too_large", "The id_token is larger than " + IdTokenValidator.MAX_TOKEN_CHARS + " characters.");
        }
        PendingCheck p = new PendingCheck();
        p.idToken = idToken;
        p.state = login.state();
        p.iss = login.issuer().value();
        p.clientId = login.clientId().value();
        p.nonce = login.expected().nonce();
        p.targetLinkUri = login.expected().targetLinkUri();
        p.browserSecret = login.browserSecret();
        String ticket = LoginInitiation.random();
        storageChecks.put(ticket, JSON.toJson(p));
        return new StorageCheck(ticket, login.storageTarget().get(), login.platformOrigin().get(), storageKey(login.state()));
    }

    /** The key under which the login stored its secret in platform storage. */
    public static String storageKey(String state) {
        return "calibrate-state-" + digest(state);
    }

    private LtiLaunch validate(String idToken, LoginState login) throws LaunchRejected {
        IdTokenValidator validator = new IdTokenValidator(clock, directory, keySets, nonces, settings.publicUrl());
        try {
            LtiLaunch launch = validator.validate(idToken, login.expected());
            events.record(launch.platform().id(), launch.platform().issuer().value(), LaunchEvent.ACCEPTED,
                    launch.messageType() + " as " + launch.toolRole());
            return launch;
        } catch (LaunchRejected e) {
            reject(login, e.code(), e.getMessage());
            throw e;
        }
    }

    private void reject(LoginState login, String code, String reason) {
        Long platformId = registry.find(login.issuer(), login.clientId()).map(RegisteredPlatform::id).orElse(null);
        events.record(platformId, login.issuer().value(), LaunchEvent.REJECTED, code + ": " + reason);
        LOG.info(() -> "Launch from " + login.issuer() + " rejected: " + code);
    }

    private java.net.URI redirectUri() {
        return settings.url("/lti/launch");
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
