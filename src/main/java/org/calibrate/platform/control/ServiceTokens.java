package org.calibrate.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.calibrate.keys.control.ToolKeys;
import org.calibrate.platform.entity.AccessToken;
import org.calibrate.platform.entity.Platform;
import org.calibrate.platform.entity.RegisteredPlatform;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Access tokens for a platform's LTI Advantage services, and the HTTP client those services are
 * called with (no redirects: a platform reply must not send the token elsewhere). Tokens are cached
 * per node: another node fetching its own costs one request, sharing them would put bearer tokens
 * in the cluster cache.
 */
@ApplicationScoped
public class ServiceTokens {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    ToolKeys keys;

    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AccessTokenCache cache = new AccessTokenCache(clock);
    private final AccessTokenClient client = new AccessTokenClient(http, clock);

    public HttpClient http() {
        return http;
    }

    public AccessToken token(long platformId, Set<String> scopes) throws ServiceFailure {
        Platform entity = em.find(Platform.class, platformId);
        if (entity == null) {
            throw new ServiceFailure(404, "the platform registration no longer exists");
        }
        RegisteredPlatform platform = entity.view();
        if (!platform.enabled()) {
            throw new ServiceFailure(403, "the platform registration is disabled in Calibrate");
        }
        if (platform.authTokenUrl().isEmpty()) {
            throw new ServiceFailure(400, "the platform registration has no token URL (auth_token_url); an admin adds it to use the LMS's services");
        }
        URI tokenUrl = platform.authTokenUrl().get();
        String audience = entity.tokenAudience().orElse(tokenUrl.toString());
        return cache.get(platformId, scopes, () -> client.request(tokenUrl, audience, platform.clientId(), scopes, keys.signingKey()));
    }

    /** A service refused the token (401): forget it so the next call gets a fresh one. */
    public void invalidate(long platformId, Set<String> scopes) {
        cache.invalidate(platformId, scopes);
    }

    /** A service call made with a bearer token. */
    @FunctionalInterface
    public interface Call<T> {
        T with(String token) throws ServiceFailure;
    }

    /** Makes the call, and once more with a fresh token when the platform says the cached one is no longer good (401). */
    public <T> T call(long platformId, Set<String> scopes, Call<T> call) throws ServiceFailure {
        try {
            return call.with(token(platformId, scopes).value());
        } catch (ServiceFailure e) {
            if (e.status() != 401) {
                throw e;
            }
            invalidate(platformId, scopes);
            return call.with(token(platformId, scopes).value());
        }
    }
}
