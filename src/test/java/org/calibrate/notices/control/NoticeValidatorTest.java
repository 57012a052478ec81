package org.calibrate.notices.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.calibrate.launch.control.LaunchFixture;
import org.calibrate.launch.control.LaunchRejected;
import org.calibrate.notices.entity.PlatformNotice;
import org.calibrate.notices.entity.SubmissionNotice;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each notice rule on its own: a valid Canvas-style submission notice with exactly one thing changed. */
class NoticeValidatorTest {
    private static final Instant NOW = LaunchFixture.NOW;
    private final LaunchFixture f = new LaunchFixture();

    private static Map<String, Object> asset(String url) {
        return Map.of("asset_id", "as-1", "url", url, "title", "My essay.docx", "filename", "My essay.docx", "size", 2048,
                "content_type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "sha256_checksum", "ab".repeat(32));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(LaunchFixture.ISSUER).audience(LaunchFixture.CLIENT_ID).claim("azp", LaunchFixture.CLIENT_ID)
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(3600))).claim("nonce", "n-1")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", LaunchFixture.DEPLOYMENT)
                .claim(NoticeValidator.NOTICE, Map.of("id", "26ac6f2a", "timestamp", "2026-12-01T09:58:00Z", "type", "LtiAssetProcessorSubmissionNotice"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "course-2", "title", "English 8"))
                .claim(NoticeValidator.ACTIVITY, Map.of("id", "assignment-5", "title", "Argument essay"))
                .claim(NoticeValidator.FOR_USER, Map.of("user_id", "972fd8aa"))
                .claim(NoticeValidator.SUBMISSION, Map.of("id", "sub-9", "attempt", 2, "submitted_at", "2026-12-01T09:57:30Z"))
                .claim(NoticeValidator.ASSET_SERVICE, Map.of("scope", List.of(NoticeValidator.ASSET_READ_SCOPE),
                        "assets", List.of(asset("https://lms.example.org/api/lti/assets/as-1"))));
    }

    private PlatformNotice validate(UnaryOperator<JWTClaimsSet.Builder> tweak) throws LaunchRejected {
        return new NoticeValidator(f.clock, f.directory(), f.keys()).validate(LaunchFixture.sign(tweak.apply(claims()).build()));
    }

    private void assertRefused(int status, String code, UnaryOperator<JWTClaimsSet.Builder> tweak) {
        LaunchRejected e = assertThrows(LaunchRejected.class, () -> validate(tweak));
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(status, e.status(), e::getMessage);
    }

    @Test
    @DisplayName("a Canvas submission notice is read whole: course, activity, student, attempt and each asset")
    void validSubmissionNotice() throws Exception {
        PlatformNotice n = validate(b -> b);
        assertEquals("26ac6f2a", n.id());
        assertEquals(PlatformNotice.ASSET_PROCESSOR_SUBMISSION, n.type());
        assertEquals(Instant.parse("2026-12-01T09:58:00Z"), n.timestamp());
        SubmissionNotice s = n.submission().orElseThrow();
        assertEquals("course-2", s.contextId());
        assertEquals("assignment-5", s.activityId());
        assertEquals(Optional.of("Argument essay"), s.activityTitle());
        assertEquals("972fd8aa", s.userId());
        assertEquals(Optional.of(2), s.attempt());
        assertEquals(Optional.of("sub-9"), s.submissionId());
        assertEquals(NoticeValidator.ASSET_READ_SCOPE, s.assetScope());
        SubmissionNotice.Asset a = s.assets().get(0);
        assertEquals(URI.create("https://lms.example.org/api/lti/assets/as-1"), a.url());
        assertEquals(2048, a.size().getAsLong());
    }

    @Test
    @DisplayName("the draft claim names (lti-aip activity, lti-ap assetservice) that early platforms send are read too")
    void draftClaimNames() throws Exception {
        PlatformNotice n = validate(b -> b.claim(NoticeValidator.ACTIVITY, null).claim(NoticeValidator.ASSET_SERVICE, null)
                .claim(NoticeValidator.ACTIVITY_DRAFT, Map.of("activity_id", "_77428_1"))
                .claim(NoticeValidator.ASSET_SERVICE_DRAFT, Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ap/scope/asset.readonly"),
                        "assets", List.of(asset("https://lms.example.org/learn/api/v1/lti/assets/_294_1/data")))));
        SubmissionNotice s = n.submission().orElseThrow();
        assertEquals("_77428_1", s.activityId());
        assertEquals("https://purl.imsglobal.org/spec/lti-ap/scope/asset.readonly", s.assetScope());
    }

    @Test
    @DisplayName("other notice types are acknowledged without a content")
    void otherNoticeTypes() throws Exception {
        PlatformNotice n = validate(b -> b.claim(NoticeValidator.NOTICE, Map.of("id", "h-1", "timestamp", "2026-12-01T09:58:00Z",
                "type", "LtiHelloWorldNotice")));
        assertEquals("LtiHelloWorldNotice", n.type());
        assertTrue(n.submission().isEmpty());
    }

    @Test
    @DisplayName("Security Framework §5.1.3: signature, algorithm, issuer, audience, azp, times")
    void signedMessageRules() {
        JWTClaimsSet valid = claims().build();
        NoticeValidator v = new NoticeValidator(f.clock, f.directory(), f.keys());
        assertEquals("unsigned_token", assertThrows(LaunchRejected.class, () -> v.validate(new PlainJWT(valid).serialize())).code());
        assertEquals("bad_signature", assertThrows(LaunchRejected.class,
                () -> v.validate(LaunchFixture.sign(valid, LaunchFixture.OTHER_PLATFORM_KEY, LaunchFixture.rs256()))).code());
        assertEquals("wrong_algorithm", assertThrows(LaunchRejected.class, () -> v.validate(LaunchFixture.sign(valid, LaunchFixture.PLATFORM_KEY,
                new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(LaunchFixture.PLATFORM_KEY.getKeyID()).build()))).code());
        assertRefused(401, "unknown_platform", b -> b.issuer("https://elsewhere.example.org"));
        assertRefused(401, "unknown_platform", b -> b.audience("another-tool"));
        assertRefused(401, "missing_azp", b -> b.audience(List.of(LaunchFixture.CLIENT_ID, "another-tool")).claim("azp", null));
        assertRefused(401, "wrong_azp", b -> b.claim("azp", "another-tool"));
        assertRefused(401, "expired", b -> b.expirationTime(Date.from(NOW.minusSeconds(600))));
        assertRefused(401, "too_old", b -> b.issueTime(Date.from(NOW.minus(NoticeValidator.MAX_AGE).minusSeconds(60))));
        assertRefused(401, "issued_in_future", b -> b.issueTime(Date.from(NOW.plusSeconds(600))));
    }

    @Test
    @DisplayName("a disabled platform's notices are refused")
    void disabledPlatform() {
        f.registrations.set(0, LaunchFixture.disabled(f.platform));
        assertRefused(403, "platform_disabled", b -> b);
    }

    @Test
    @DisplayName("LTI Core §5.3.2/§5.3.3 and the notice claim: version, registered deployment, notice id and type")
    void ltiClaims() {
        assertRefused(400, "wrong_version", b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.1"));
        assertRefused(400, "missing_deployment_id", b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", null));
        assertRefused(403, "unknown_deployment", b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "dep-9"));
        assertRefused(400, "missing_notice", b -> b.claim(NoticeValidator.NOTICE, "LtiAssetProcessorSubmissionNotice"));
        assertRefused(400, "missing_notice_id", b -> b.claim(NoticeValidator.NOTICE, Map.of("type", "LtiAssetProcessorSubmissionNotice")));
        assertRefused(400, "missing_notice_type", b -> b.claim(NoticeValidator.NOTICE, Map.of("id", "x")));
    }

    @Test
    @DisplayName("a submission notice needs its course, activity, student and assets; asset URLs must be HTTPS without credentials")
    void submissionClaims() {
        assertRefused(400, "missing_context", b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/context", null));
        assertRefused(400, "missing_activity", b -> b.claim(NoticeValidator.ACTIVITY, Map.of("title", "no id")));
        assertRefused(400, "missing_for_user", b -> b.claim(NoticeValidator.FOR_USER, Map.of("user_id", "")));
        assertRefused(400, "missing_assetservice", b -> b.claim(NoticeValidator.ASSET_SERVICE, null));
        assertRefused(400, "missing_assets", b -> b.claim(NoticeValidator.ASSET_SERVICE, Map.of("assets", "none")));
        assertRefused(400, "malformed_asset", b -> b.claim(NoticeValidator.ASSET_SERVICE, Map.of("assets", List.of("a string"))));
        for (String url : List.of("http://lms.example.org/a", "https://user:pw@lms.example.org/a", "ftp://lms.example.org/a", "/relative")) {
            assertRefused(400, "malformed_asset", b -> b.claim(NoticeValidator.ASSET_SERVICE, Map.of("assets", List.of(asset(url)))));
        }
        List<Map<String, Object>> many = java.util.Collections.nCopies(NoticeValidator.MAX_ASSETS + 1, asset("https://lms.example.org/a"));
        assertRefused(400, "too_many_assets", b -> b.claim(NoticeValidator.ASSET_SERVICE, Map.of("assets", many)));
    }

    @Test
    @DisplayName("a refusal's message never quotes the student's id")
    void refusalsDoNotEchoIdentities() {
        LaunchRejected e = assertThrows(LaunchRejected.class, () -> validate(b -> b.claim(NoticeValidator.ASSET_SERVICE, null)));
        assertFalse(e.getMessage().contains("972fd8aa"));
    }
}
