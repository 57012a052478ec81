package org.calibrate.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calibrate.runtime.FrameAncestors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may frame Calibrate: the enabled registered platforms' origins and those in {@code CALIBRATE_FRAME_ANCESTORS}
 * (comma-separated, for LMSs that frame from a domain their registration does not name). Read again after a change
 * on this node, and at least every 30 seconds, so a platform registered on another node is framed here soon after.
 */
@ApplicationScoped
public class FramingOrigins {
    private static final Duration FRESH = Duration.ofSeconds(30);

    @Inject
    PlatformRegistry registry;
    @Inject
    @ConfigProperty(name = "calibrate.frame.ancestors")
    Optional<String> extra;

    private volatile String directive;
    private volatile long readAt;

    /** A platform was registered, edited or switched on or off here: read the origins again on the next response. */
    public void invalidate() {
        directive = null;
    }

    public String directive() {
        long now = System.nanoTime();
        String d = directive;
        if (d == null || now - readAt > FRESH.toNanos()) {
            d = read();
            directive = d;
            readAt = now;
        }
        return d;
    }

    private String read() {
        List<String> urls = new ArrayList<>(registry.framingUrls());
        extra.ifPresent(e -> urls.addAll(List.of(e.split(","))));
        return FrameAncestors.directive(urls);
    }
}
