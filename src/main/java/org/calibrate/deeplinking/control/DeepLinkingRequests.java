package org.calibrate.deeplinking.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.calibrate.deeplinking.entity.DeepLinkingRequest;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.runtime.Caches;
import org.calibrate.runtime.RandomTokens;

import javax.cache.Cache;
import java.time.Duration;
import java.util.Optional;

/** Pending deep linking requests, in the cluster cache: any node may receive the teacher's answer. */
@ApplicationScoped
public class DeepLinkingRequests {
    /** Longer than a teacher filling in a form, short enough that an abandoned request is forgotten. */
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Caches caches;

    private Cache<String, String> pending;

    /** Creates the bean, and so its caches, at start-up: never inside a request (see {@link Caches#expiring}). */
    void atStartup(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object start) {
    }

    @PostConstruct
    void init() {
        pending = caches.expiring("deep-linking-requests", LIFETIME);
    }

    public String remember(LtiLaunch launch, String userId, String courseId) {
        LtiLaunch.DeepLinkingSettings s = launch.deepLinking().orElseThrow();
        DeepLinkingRequest r = new DeepLinkingRequest();
        r.platformId = launch.platform().id();
        r.deploymentId = launch.deploymentId().value();
        r.courseId = courseId;
        r.userId = userId;
        r.returnUrl = s.returnUrl().toString();
        r.acceptTypes = s.acceptTypes();
        r.data = s.data().orElse(null);
        r.title = s.title().orElse(null);
        r.text = s.text().orElse(null);
        r.lineItems = launch.services().lineItemsUrl().isPresent();
        String id = RandomTokens.urlSafe(24);
        pending.put(id, JSON.toJson(r));
        return id;
    }

    public Optional<DeepLinkingRequest> find(String id) {
        return Optional.ofNullable(id == null ? null : pending.get(id)).map(j -> JSON.fromJson(j, DeepLinkingRequest.class));
    }

    /** A request is answered once: the platform would refuse a second response anyway. */
    public Optional<DeepLinkingRequest> take(String id) {
        return Optional.ofNullable(id == null ? null : pending.getAndRemove(id)).map(j -> JSON.fromJson(j, DeepLinkingRequest.class));
    }
}
