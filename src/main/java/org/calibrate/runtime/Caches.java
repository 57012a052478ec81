package org.calibrate.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Cluster-wide short-lived state (OIDC state, used nonces, one-time launch codes, platform key
 * sets) in Payara's JCache (Hazelcast), so that any node can serve any step of a launch.
 */
@ApplicationScoped
public class Caches {
    private CacheManager cacheManager;

    protected Caches() {
    }

    @Inject
    public Caches(CacheManager cacheManager) {
        this.cacheManager = cacheManager;
    }

    /**
     * A cache whose entries expire a fixed time after they were written. Values are strings (JSON
     * where structured) so that every node can read them whatever its class loaders. Call it at start-up
     * (a bean observing {@code @Initialized(ApplicationScoped.class)}), never first inside a request: Payara's
     * data grid keeps the context a cache was created in and replays it around every later operation, and a
     * request's context holds entity managers that are closed long since — every operation would then fail.
     */
    public Cache<String, String> expiring(String name, java.time.Duration lifetime) {
        Cache<String, String> cache = cacheManager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new Duration(TimeUnit.MILLISECONDS, lifetime.toMillis())));
        try {
            return cacheManager.createCache(name, config);
        } catch (javax.cache.CacheException alreadyCreated) {
            // Another node or thread created it between our look-up and create.
            return cacheManager.getCache(name, String.class, String.class);
        }
    }
}
