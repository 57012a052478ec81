package org.calibrate.launch.control;

import com.nimbusds.jwt.JWTClaimsSet;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.platform.control.ServiceUrls;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claims that differ by message type — deep linking settings, submission review's
 * {@code for_user} — and the LTI Advantage service claims. Unusable service claims are dropped
 * rather than refusing the launch: the teacher can still work, grade return just is not offered.
 */
final class MessageClaims {
    static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String FOR_USER = "https://purl.imsglobal.org/spec/lti/claim/for_user";
    static final String PNS = "https://purl.imsglobal.org/spec/lti/claim/platformnotificationservice";
    private static final int MAX_DATA_CHARS = 4096;

    private MessageClaims() {
    }

    static LtiLaunch.Services services(JWTClaimsSet claims) {
        Optional<URI> memberships = object(claims.getClaim(NRPS)).flatMap(m -> ServiceUrls.parse(m.get("context_memberships_url")));
        Optional<Map<String, Object>> ags = object(claims.getClaim(AGS));
        Set<String> scopes = new LinkedHashSet<>();
        ags.map(m -> m.get("scope")).ifPresent(s -> {
            if (s instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).map(String.class::cast).limit(20).forEach(scopes::add);
            }
        });
        return new LtiLaunch.Services(memberships,
                ags.flatMap(m -> ServiceUrls.parse(m.get("lineitems"))),
                ags.flatMap(m -> ServiceUrls.parse(m.get("lineitem"))),
                scopes, noticeService(claims));
    }

    /**
     * Platform Notification Service 1.0 §3.1: where the tool registers its notice handler. Kept only when the
     * platform says it sends Asset Processor submission notices (or does not list its notice types).
     */
    private static Optional<URI> noticeService(JWTClaimsSet claims) {
        return object(claims.getClaim(PNS)).filter(m -> !(m.get("notice_types_supported") instanceof List<?> types)
                        || types.contains("LtiAssetProcessorSubmissionNotice"))
                .flatMap(m -> ServiceUrls.parse(m.get("platform_notification_service_url")));
    }

    /** Deep Linking 2.0 §4.4.1: deep_link_return_url, accept_types and accept_presentation_document_targets are required. */
    static LtiLaunch.DeepLinkingSettings deepLinking(JWTClaimsSet claims) throws LaunchRejected {
        Map<String, Object> settings = object(claims.getClaim(DEEP_LINKING_SETTINGS)).orElseThrow(() -> LaunchRejected.badRequest(
                "missing_deep_linking_settings", "The deep linking request has no deep_linking_settings claim (Deep Linking 2.0 §4.4.1)."));
        URI returnUrl = ServiceUrls.parse(settings.get("deep_link_return_url")).orElseThrow(() -> LaunchRejected.badRequest(
                "bad_deep_link_return_url", "The deep linking request has no usable deep_link_return_url (Deep Linking 2.0 §4.4.1)."));
        List<String> types = strings(settings.get("accept_types"));
        List<String> targets = strings(settings.get("accept_presentation_document_targets"));
        if (types.isEmpty() || targets.isEmpty()) {
            throw LaunchRejected.badRequest("bad_deep_linking_settings",
                    "The deep linking request must list accept_types and accept_presentation_document_targets (Deep Linking 2.0 §4.4.1).");
        }
        Optional<String> data = text(settings.get("data"), MAX_DATA_CHARS + 1);
        if (data.isPresent() && data.get().length() > MAX_DATA_CHARS) {
            throw LaunchRejected.badRequest("bad_deep_linking_settings", "The deep linking request's data is longer than " + MAX_DATA_CHARS + " characters.");
        }
        return new LtiLaunch.DeepLinkingSettings(returnUrl, types, targets, Boolean.TRUE.equals(settings.get("accept_multiple")),
                text(settings.get("title"), 512), text(settings.get("text"), 4000), data);
    }

    /**
     * The learner a submission review launch is about (LTI Submission Review 1.0, {@code for_user} claim). Platforms need not check
     * who may review whom (Moodle does not), so it is honoured for teachers and admins only.
     */
    static Optional<String> forUser(JWTClaimsSet claims, ToolRole role) {
        if (role != ToolRole.TEACHER && role != ToolRole.ADMIN) {
            return Optional.empty();
        }
        return object(claims.getClaim(FOR_USER)).flatMap(m -> text(m.get("user_id"), 255));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> object(Object value) {
        return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).limit(20).forEach(result::add);
        }
        return result;
    }

    private static Optional<String> text(Object value, int max) {
        if (!(value instanceof String s) || s.isBlank() || Text.hasNul(s)) {
            return Optional.empty();
        }
        return Optional.of(s.length() > max ? s.substring(0, max) : s);
    }
}
