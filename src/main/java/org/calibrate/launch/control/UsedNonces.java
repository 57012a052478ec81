package org.calibrate.launch.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calibrate.runtime.Caches;

import javax.cache.Cache;
import java.time.Duration;
import java.time.Instant;

/**
 * Used id_token nonces, cluster-wide: {@code putIfAbsent} on the shared cache is atomic across
 * nodes, so a nonce used on one node is refused on every other. Entries outlive any token that
 * could still pass the exp check.
 */
@ApplicationScoped
public class UsedNonces implements NonceLedger {
    static final Duration KEEP = IdTokenValidator.MAX_AGE.plus(IdTokenValidator.CLOCK_SKEW).plus(Duration.ofMinutes(1));

    @Inject
    Caches caches;
    private Cache<String, String> used;

    /** Creates the bean, and so its caches, at start-up: never inside a request (see {@link Caches#expiring}). */
    void atStartup(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object start) {
    }

    @PostConstruct
    void init() {
        used = caches.expiring("lti-used-nonces", KEEP);
    }

    @Override
    public boolean useOnce(String nonce, Instant keepUntil) {
        return used.putIfAbsent(nonce, keepUntil.toString());
    }
}
