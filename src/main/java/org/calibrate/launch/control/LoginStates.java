package org.calibrate.launch.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.runtime.Caches;

import javax.cache.Cache;
import java.time.Duration;
import java.util.Optional;

/** OIDC login states between login and launch, cluster-wide, each usable once and for ten minutes at most. */
@ApplicationScoped
public class LoginStates {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Caches caches;
    private Cache<String, String> states;

    /** The stored form; a plain public type for JSON-B. */
    public static class Stored {
        public String iss;
        public String clientId;
        public String nonce;
        public String targetLinkUri;
        public String browserSecret;
        public String storageTarget;
        public String platformOrigin;
    }

    /** Creates the bean, and so its caches, at start-up: never inside a request (see {@link Caches#expiring}). */
    void atStartup(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object start) {
    }

    @PostConstruct
    void init() {
        states = caches.expiring("lti-login-states", LIFETIME);
    }

    public void remember(LoginState state) {
        Stored s = new Stored();
        s.iss = state.issuer().value();
        s.clientId = state.clientId().value();
        s.nonce = state.expected().nonce();
        s.targetLinkUri = state.expected().targetLinkUri();
        s.browserSecret = state.browserSecret();
        s.storageTarget = state.storageTarget().orElse(null);
        s.platformOrigin = state.platformOrigin().orElse(null);
        states.put(state.state(), JSON.toJson(s));
    }

    /** Removes and returns the state: a second launch with the same state finds nothing. */
    public Optional<LoginState> take(String state) {
        if (state == null || state.length() > 100) {
            return Optional.empty();
        }
        String json = states.getAndRemove(state);
        if (json == null) {
            return Optional.empty();
        }
        Stored s = JSON.fromJson(json, Stored.class);
        return Optional.of(new LoginState(state,
                new ExpectedLogin(new Issuer(s.iss), new ClientId(s.clientId), s.nonce, s.targetLinkUri),
                s.browserSecret, Optional.ofNullable(s.storageTarget), Optional.ofNullable(s.platformOrigin)));
    }
}
