package org.calibrate.platform.control;

import org.calibrate.platform.entity.AccessToken;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens per platform registration and scope set, reused until shortly before they expire,
 * so a burst of roster or grade calls costs one token request.
 */
public final class AccessTokenCache {
    /** A token this close to its expiry is not handed out: the call it is for might outlive it. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    private final Clock clock;
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

    public AccessTokenCache(Clock clock) {
        this.clock = clock;
    }

    /** Fetches a token, as the caller supplies it, when none fresh enough is cached. */
    @FunctionalInterface
    public interface Source {
        AccessToken fetch() throws ServiceFailure;
    }

    public AccessToken get(long platformId, Set<String> scopes, Source source) throws ServiceFailure {
        String key = platformId + " " + String.join(" ", new TreeSet<>(scopes));
        AccessToken cached = tokens.get(key);
        if (cached != null && clock.instant().plus(MARGIN).isBefore(cached.expiresAt())) {
            return cached;
        }
        AccessToken fresh = source.fetch();
        tokens.put(key, fresh);
        return fresh;
    }

    /** Forget a token the platform no longer accepts (a 401 from a service). */
    public void invalidate(long platformId, Set<String> scopes) {
        tokens.remove(platformId + " " + String.join(" ", new TreeSet<>(scopes)));
    }
}
