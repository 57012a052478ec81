package org.calibrate.deeplinking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.deeplinking.entity.DeepLinkingRequest;
import org.calibrate.keys.control.ToolKeys;
import org.calibrate.placement.control.Placements;
import org.calibrate.placement.entity.Placement;
import org.calibrate.platform.entity.Platform;
import org.calibrate.platform.entity.RegisteredPlatform;
import org.calibrate.runtime.Settings;
import org.calibrate.session.entity.SessionPrincipal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Answers a deep linking request: stores the new placement and signs the response for the platform. */
@ApplicationScoped
public class DeepLinks {
    /** Marks line items Calibrate created, so they are recognisable in the platform's gradebook API. */
    public static final String LINE_ITEM_TAG = "calibrate";

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    DeepLinkingRequests requests;
    @Inject
    Placements placements;
    @Inject
    ToolKeys keys;
    @Inject
    Settings settings;
    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    /** The form the browser posts to the platform's return URL (Deep Linking 2.0 §4.5: a form post of {@code JWT}). */
    public record Answer(URI returnUrl, String jwt, Optional<String> placementId) {
    }

    /** What the teacher entered; already checked by the caller. */
    public record Choice(String title, Optional<String> description, double scoreMaximum) {
    }

    public Optional<DeepLinkingRequest> pending(SessionPrincipal session) {
        return session.deepLinkingId().flatMap(requests::find).filter(r -> belongs(r, session));
    }

    @Transactional
    public Optional<Answer> place(SessionPrincipal session, Choice choice) {
        Optional<DeepLinkingRequest> request = session.deepLinkingId().flatMap(requests::take).filter(r -> belongs(r, session));
        if (request.isEmpty()) {
            return Optional.empty();
        }
        DeepLinkingRequest r = request.get();
        if (processorOnly(r)) {
            audit.record("user:" + session.userId(), "processor.attached", "course " + r.courseId, "as the assignment's asset processor: " + choice.title());
            return Optional.of(new Answer(URI.create(r.returnUrl), sign(r, List.of(new DeepLinkingResponse.Processor(choice.title(), choice.description()))),
                    Optional.empty()));
        }
        Placement placement = new Placement(r.courseId, choice.title(), choice.description(), choice.scoreMaximum(),
                Optional.of(session.userId()), clock.instant());
        placements.create(placement);
        audit.record("user:" + session.userId(), "placement.created", "placement " + placement.id(),
                "course " + r.courseId + ", score maximum " + choice.scoreMaximum());
        Optional<DeepLinkingResponse.LineItem> lineItem = r.lineItems
                ? Optional.of(new DeepLinkingResponse.LineItem(choice.title(), choice.scoreMaximum(), placement.id(), LINE_ITEM_TAG))
                : Optional.empty();
        DeepLinkingResponse.Item item = new DeepLinkingResponse.Item(placement.id(), placement.title(), placement.description(),
                settings.url("/lti/launch"), lineItem);
        return Optional.of(new Answer(URI.create(r.returnUrl), sign(r, List.of(item)), Optional.of(placement.id())));
    }

    /** The teacher closed the page without placing anything: an empty response tells the platform so. */
    public Optional<Answer> cancel(SessionPrincipal session) {
        return session.deepLinkingId().flatMap(requests::take).filter(r -> belongs(r, session))
                .map(r -> new Answer(URI.create(r.returnUrl), sign(r, List.of()), Optional.empty()));
    }

    /** The platform asks for an Asset Processor (Canvas's ActivityAssetProcessor placement), not a link. */
    public static boolean processorOnly(DeepLinkingRequest r) {
        return r.acceptTypes != null && r.acceptTypes.contains("ltiAssetProcessor") && !r.acceptTypes.contains("ltiResourceLink");
    }

    private String sign(DeepLinkingRequest r, List<? extends DeepLinkingResponse.ContentItem> items) {
        RegisteredPlatform platform = em.find(Platform.class, r.platformId).view();
        return DeepLinkingResponse.sign(platform.clientId().value(), platform.issuer().value(), r.deploymentId,
                Optional.ofNullable(r.data), items, clock.instant(), keys.signingKey());
    }

    private static boolean belongs(DeepLinkingRequest r, SessionPrincipal s) {
        return r.userId.equals(s.userId()) && r.courseId.equals(s.courseId()) && r.platformId == s.platformId();
    }
}
