package org.calibrate.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Token buckets per key (a client address): each holds up to {@code burst} tokens and refills at {@code perSecond};
 * a request takes one or is told how long to wait. The number of keys is bounded (the least recently seen go first),
 * so a flood of addresses cannot grow memory without limit.
 */
public final class TokenBuckets {

    /** {@code burst/perSecond}, e.g. "600/100". */
    public record Limit(int burst, double perSecond) {
        public Limit {
            if (burst < 1 || !(perSecond > 0)) {
                throw new IllegalArgumentException("A rate limit is burst/per-second, both above 0, e.g. 600/100.");
            }
        }

        public static Limit parse(String text) {
            String[] parts = text.strip().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("A rate limit is burst/per-second, e.g. 600/100, not \"" + text + "\".");
            }
            try {
                return new Limit(Integer.parseInt(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("A rate limit is burst/per-second, e.g. 600/100, not \"" + text + "\".");
            }
        }
    }

    private final Limit limit;
    private final Map<String, double[]> buckets;

    public TokenBuckets(Limit limit, int maxKeys) {
        this.limit = limit;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Empty when the request may go ahead; otherwise the whole seconds until a token is back. */
    public synchronized OptionalLong take(String key, long nowNanos) {
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {limit.burst(), nowNanos});
        double elapsed = Math.max(0, nowNanos - b[1]) / 1e9;
        b[0] = Math.min(limit.burst(), b[0] + elapsed * limit.perSecond());
        b[1] = nowNanos;
        if (b[0] >= 1) {
            b[0] -= 1;
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil((1 - b[0]) / limit.perSecond()));
    }
}
