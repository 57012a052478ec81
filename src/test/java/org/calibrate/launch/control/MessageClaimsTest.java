package org.calibrate.launch.control;

import com.nimbusds.jwt.JWTClaimsSet;
import org.calibrate.launch.entity.LtiLaunch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deep linking, submission review and service claims, validated through the whole id_token check. */
class MessageClaimsTest {
    private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    private static final String RETURN_URL = "https://moodle.school.example.org/mod/lti/contentitem_return.php?course=2&id=5";

    private final LaunchFixture f = new LaunchFixture();

    private LtiLaunch accepted(UnaryOperator<JWTClaimsSet.Builder> tweak) throws LaunchRejected {
        return f.validator().validate(LaunchFixture.sign(tweak.apply(LaunchFixture.claims()).build()), f.expected());
    }

    private void assertRejected(String code, UnaryOperator<JWTClaimsSet.Builder> tweak) {
        LaunchRejected e = assertThrows(LaunchRejected.class, () -> accepted(tweak));
        assertEquals(code, e.code());
    }

    /** As Moodle 5.1 sends it: no resource link, no data. */
    private static JWTClaimsSet.Builder deepLinking(JWTClaimsSet.Builder b, Map<String, Object> settings) {
        return b.claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_REQUEST)
                .claim(LtiClaims.RESOURCE_LINK, null)
                .claim(MessageClaims.DEEP_LINKING_SETTINGS, settings);
    }

    private static Map<String, Object> settings() {
        Map<String, Object> s = new HashMap<>();
        s.put("deep_link_return_url", RETURN_URL);
        s.put("accept_types", List.of("ltiResourceLink"));
        s.put("accept_presentation_document_targets", List.of("frame", "iframe", "window"));
        s.put("accept_multiple", true);
        s.put("auto_create", false);
        s.put("title", "Calibrate");
        return s;
    }

    @Test
    @DisplayName("Deep Linking 2.0 §4.4: a deep linking request needs no resource link and carries its settings")
    void deepLinkingRequest() throws Exception {
        LtiLaunch launch = accepted(b -> deepLinking(b, settings()));
        assertEquals(Optional.empty(), launch.resourceLink());
        LtiLaunch.DeepLinkingSettings s = launch.deepLinking().orElseThrow();
        assertEquals(URI.create(RETURN_URL), s.returnUrl());
        assertTrue(s.acceptsResourceLink());
        assertTrue(s.acceptMultiple());
        assertEquals(Optional.empty(), s.data());
        assertEquals(Optional.of("Calibrate"), s.title());
    }

    @Test
    @DisplayName("Deep Linking 2.0 §4.4.1: the settings claim is required")
    void missingSettings() {
        assertRejected("missing_deep_linking_settings", b -> deepLinking(b, null));
    }

    @Test
    @DisplayName("Deep Linking 2.0 §4.4.1: the return URL must be HTTPS (plain HTTP only on loopback)")
    void plainHttpReturnUrl() {
        Map<String, Object> s = settings();
        s.put("deep_link_return_url", "http://moodle.school.example.org/return");
        assertRejected("bad_deep_link_return_url", b -> deepLinking(b, s));
    }

    @Test
    @DisplayName("Deep Linking 2.0 §4.4.1: accept_types and accept_presentation_document_targets are required")
    void missingAcceptTypes() {
        Map<String, Object> s = settings();
        s.remove("accept_types");
        assertRejected("bad_deep_linking_settings", b -> deepLinking(b, s));
    }

    @Test
    @DisplayName("Deep Linking 2.0 §4.4.1: the opaque data is kept to echo back")
    void dataIsKept() throws Exception {
        Map<String, Object> s = settings();
        s.put("data", "csrf-token-42");
        assertEquals(Optional.of("csrf-token-42"), accepted(b -> deepLinking(b, s)).deepLinking().orElseThrow().data());
    }

    @Test
    @DisplayName("a resource link launch still needs its resource link")
    void resourceLinkStillRequired() {
        assertRejected("missing_resource_link", b -> b.claim(LtiClaims.RESOURCE_LINK, null));
    }

    @Test
    @DisplayName("submission review: for_user is honoured for a teacher's launch")
    void forUserForTeacher() throws Exception {
        LtiLaunch launch = accepted(b -> b.claim(LtiClaims.MESSAGE_TYPE, LtiClaims.SUBMISSION_REVIEW_REQUEST)
                .claim(MessageClaims.FOR_USER, Map.of("user_id", "31", "name", "Ana Learner")));
        assertEquals(Optional.of("31"), launch.forUser());
    }

    @Test
    @DisplayName("submission review: for_user is ignored for a learner (Moodle does not check who may review whom)")
    void forUserIgnoredForLearner() throws Exception {
        LtiLaunch launch = accepted(b -> b.claim(LtiClaims.MESSAGE_TYPE, LtiClaims.SUBMISSION_REVIEW_REQUEST)
                .claim(LtiClaims.ROLES, List.of(LEARNER))
                .claim(MessageClaims.FOR_USER, Map.of("user_id", "32")));
        assertEquals(Optional.empty(), launch.forUser());
    }

    @Test
    @DisplayName("for_user on a plain resource link launch is not taken as a review request")
    void forUserOnlyInSubmissionReview() throws Exception {
        assertEquals(Optional.empty(), accepted(b -> b.claim(MessageClaims.FOR_USER, Map.of("user_id", "31"))).forUser());
    }

    @Test
    @DisplayName("NRPS 2.0 §3.6.1 and AGS 2.0 §3.1: service endpoints and scopes are read, Moodle's ?type_id= kept")
    void services() throws Exception {
        LtiLaunch launch = accepted(b -> b
                .claim(MessageClaims.NRPS, Map.of("context_memberships_url", "https://moodle.school.example.org/mod/lti/services.php/CourseSection/2/bindings/5/memberships",
                        "service_versions", List.of("1.0", "2.0")))
                .claim(MessageClaims.AGS, Map.of(
                        "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                        "lineitems", "https://moodle.school.example.org/mod/lti/services.php/2/lineitems?type_id=5",
                        "lineitem", "https://moodle.school.example.org/mod/lti/services.php/2/lineitems/9/lineitem?type_id=5")));
        LtiLaunch.Services s = launch.services();
        assertEquals(URI.create("https://moodle.school.example.org/mod/lti/services.php/CourseSection/2/bindings/5/memberships"), s.membershipsUrl().orElseThrow());
        assertEquals("type_id=5", s.lineItemsUrl().orElseThrow().getQuery());
        assertEquals(URI.create("https://moodle.school.example.org/mod/lti/services.php/2/lineitems/9/lineitem?type_id=5"), s.lineItemUrl().orElseThrow());
        assertEquals(Set.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"), s.agsScopes());
    }

    @Test
    @DisplayName("service URLs that are plain HTTP off loopback, or carry credentials, are dropped, not called")
    void unsafeServiceUrlsDropped() throws Exception {
        LtiLaunch launch = accepted(b -> b
                .claim(MessageClaims.NRPS, Map.of("context_memberships_url", "http://169.254.169.254/latest/meta-data"))
                .claim(MessageClaims.AGS, Map.of("lineitems", "https://user:pw@moodle.school.example.org/lineitems", "scope", List.of())));
        assertEquals(LtiLaunch.Services.NONE, launch.services());
    }
}
