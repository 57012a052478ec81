package org.calibrate.intake.moodle;

import java.time.Duration;

/**
 * How long and how much Calibrate accepts from a Moodle site. The request timeout covers a whole
 * exchange, body included: a site that sends its headers and then stalls is cut off too.
 *
 * @param requestTimeout one web-service call or one file download, from sending to the last byte
 * @param maxReplyBytes  a web-service reply (JSON); a course's submissions with online texts fit easily
 * @param maxFileBytes   one submitted file; the download stops as soon as it is crossed
 */
public record MoodleLimits(Duration requestTimeout, long maxReplyBytes, long maxFileBytes) {
    /** Connecting is quick or not at all; the caller's {@code HttpClient} carries it (see {@link MoodleClient#httpClient()}). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final MoodleLimits DEFAULT = new MoodleLimits(Duration.ofSeconds(60), 16L * 1024 * 1024, 25L * 1024 * 1024);

    public MoodleLimits {
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("a Moodle request timeout must be positive");
        }
        if (maxReplyBytes <= 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("Moodle size limits must be positive");
        }
        // Held in one byte array at most.
        if (maxReplyBytes >= Integer.MAX_VALUE || maxFileBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Moodle size limits must stay below 2 GiB");
        }
    }

    public MoodleLimits withRequestTimeout(Duration timeout) {
        return new MoodleLimits(timeout, maxReplyBytes, maxFileBytes);
    }

    public MoodleLimits withMaxFileBytes(long bytes) {
        return new MoodleLimits(requestTimeout, maxReplyBytes, bytes);
    }

    public MoodleLimits withMaxReplyBytes(long bytes) {
        return new MoodleLimits(requestTimeout, bytes, maxFileBytes);
    }
}
