package org.calibrate.launch.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calibrate.platform.control.KeySetFetcher;
import org.calibrate.platform.entity.RegisteredPlatform;
import org.calibrate.runtime.Caches;

import javax.cache.Cache;
import java.text.ParseException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Platform public keys, fetched from the registered key set URL (never from a URL in a token),
 * cached cluster-wide for a few minutes, and fetched again when a token names a kid we have not
 * seen (the platform rotated) — such refetches at most once per {@link #REFETCH_INTERVAL} per URL,
 * so random kids cannot turn us into a request amplifier.
 */
@ApplicationScoped
public class PlatformKeySets implements KeyResolver {
    private static final Logger LOG = Logger.getLogger(PlatformKeySets.class.getName());
    static final Duration CACHE_LIFETIME = Duration.ofMinutes(5);
    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);

    @Inject
    Caches caches;

    private final KeySetFetcher fetcher = new KeySetFetcher();
    private Cache<String, String> keySets;
    private Cache<String, String> recentFetches;

    /** Creates the bean, and so its caches, at start-up: never inside a request (see {@link Caches#expiring}). */
    void atStartup(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object start) {
    }

    @PostConstruct
    void init() {
        keySets = caches.expiring("platform-key-sets", CACHE_LIFETIME);
        recentFetches = caches.expiring("platform-key-set-fetches", REFETCH_INTERVAL);
    }

    @Override
    public JWK key(RegisteredPlatform platform, String kid) throws LaunchRejected {
        String url = platform.keySetUrl().toString();
        JWKSet cached = parse(keySets.get(url));
        if (cached != null && cached.getKeyByKeyId(kid) != null) {
            return cached.getKeyByKeyId(kid);
        }
        // Only refetches for an unknown kid are rate-limited: a fetch that just filled the cache must not block one.
        if (cached != null && !recentFetches.putIfAbsent(url, "1")) {
            throw unknownKid();
        }
        JWKSet fresh;
        try {
            fresh = fetcher.fetch(platform.keySetUrl());
        } catch (KeySetFetcher.Unavailable e) {
            LOG.warning(() -> "Key set of " + platform.issuer() + " unavailable: " + e.getMessage());
            throw new LaunchRejected(502, "key_set_unavailable",
                    "Calibrate could not get the platform's public keys: " + e.getMessage() + ". Try again shortly; if it persists, an admin checks the platform's key_set_url.");
        }
        keySets.put(url, fresh.toString(true));
        JWK key = fresh.getKeyByKeyId(kid);
        if (key == null) {
            throw unknownKid();
        }
        return key;
    }

    private static LaunchRejected unknownKid() {
        return new LaunchRejected(401, "unknown_kid",
                "The id_token is signed with a key the platform does not publish (unknown kid; Security Framework §6.3).");
    }

    private static JWKSet parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            return null;
        }
    }
}
