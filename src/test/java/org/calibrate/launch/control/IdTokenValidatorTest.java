package org.calibrate.launch.control;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.launch.entity.ToolRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.calibrate.launch.control.LaunchFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdTokenValidatorTest {
    private LaunchFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new LaunchFixture();
    }

    private LtiLaunch validate(UnaryOperator<JWTClaimsSet.Builder> tweak) throws LaunchRejected {
        f.usedNonces.clear();
        return f.validator().validate(f.sign(tweak.apply(f.claims()).build()), f.expected());
    }

    private void assertRejected(int status, String code, UnaryOperator<JWTClaimsSet.Builder> tweak) {
        // Several refusals per test share the fixture's nonce; each stands for a fresh login.
        f.usedNonces.clear();
        LaunchRejected e = assertThrows(LaunchRejected.class, () -> validate(tweak));
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(status, e.status(), e::getMessage);
        assertTrue(e.getMessage().length() > 20, "a message for people");
    }

    private void assertTokenRejected(int status, String code, String token) {
        LaunchRejected e = assertThrows(LaunchRejected.class, () -> f.validator().validate(token, f.expected()));
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(status, e.status());
    }

    private static Date at(long secondsFromNow) {
        return Date.from(NOW.plusSeconds(secondsFromNow));
    }

    @Test
    void aMoodleStyleLaunchIsAccepted() throws Exception {
        LtiLaunch launch = validate(b -> b);
        assertEquals("user-7", launch.subject());
        assertEquals(ToolRole.TEACHER, launch.toolRole());
        assertEquals("dep-1", launch.deploymentId().value());
        assertEquals("course-1", launch.context().id());
        assertEquals("English 8", launch.context().title().orElseThrow());
        assertEquals("link-1", launch.resourceLink().id());
        assertEquals("Dana Teacher", launch.name().orElseThrow(), "trimmed");
        assertEquals(f.platform, launch.platform());
    }

    @Test
    @DisplayName("Security Framework §5.4: alg none is refused")
    void unsigned() {
        assertTokenRejected(401, "unsigned_token", new PlainJWT(f.claims().build()).serialize());
    }

    @Test
    @DisplayName("Security Framework §5.4: HS256 keyed with the platform's public key is refused")
    void hmacWithPublicKey() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("p1").build(), f.claims().build());
        jwt.sign(new MACSigner(f.key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertTokenRejected(401, "wrong_algorithm", jwt.serialize());
    }

    @Test
    void rs512IsNotRs256() {
        assertTokenRejected(401, "wrong_algorithm", LaunchFixture.sign(f.claims().build(), f.key,
                new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("p1").build()));
    }

    @Test
    void missingKid() {
        assertTokenRejected(401, "missing_kid", LaunchFixture.sign(f.claims().build(), f.key, new JWSHeader.Builder(JWSAlgorithm.RS256).build()));
    }

    @Test
    void unknownKid() {
        assertTokenRejected(401, "unknown_kid", LaunchFixture.sign(f.claims().build(), f.key,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("p2").build()));
    }

    @Test
    @DisplayName("a key set URL in the header is refused, never fetched")
    void embeddedJku() {
        assertTokenRejected(401, "embedded_key", LaunchFixture.sign(f.claims().build(), f.key,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("p1").jwkURL(URI.create("https://evil.example/jwks")).build()));
    }

    @Test
    void embeddedJwk() {
        assertTokenRejected(401, "embedded_key", LaunchFixture.sign(f.claims().build(), f.otherKey,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("p1").jwk(f.otherKey.toPublicJWK()).build()));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (1): another key under the same kid fails the signature, and no nonce is spent")
    void otherKeySameKid() {
        assertTokenRejected(401, "bad_signature", LaunchFixture.sign(f.claims().build(), f.otherKey,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("p1").build()));
        assertTrue(f.usedNonces.isEmpty(), "an unverified token must not touch the nonce ledger");
    }

    @Test
    void tamperedPayload() {
        String[] parts = f.sign(f.claims().build()).split("\\.");
        String changed = Base64URL.encode(f.claims().subject("admin").build().toString()).toString();
        assertTokenRejected(401, "bad_signature", parts[0] + "." + changed + "." + parts[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b.c", "not a jwt", "e30.e30.e30", "...."})
    void malformed(String token) {
        assertTokenRejected(400, "malformed_token", token);
    }

    @Test
    void missingToken() {
        assertTokenRejected(400, "missing_id_token", "");
        assertTokenRejected(400, "missing_id_token", null);
    }

    @Test
    void oversized() {
        assertTokenRejected(413, "token_too_large", "a".repeat(IdTokenValidator.MAX_TOKEN_CHARS + 1));
    }

    @Test
    void encrypted() throws Exception {
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM), f.claims().build());
        jwe.encrypt(new RSAEncrypter(f.key.toRSAPublicKey()));
        assertTokenRejected(400, "unsupported_token", jwe.serialize());
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (7): expired beyond the 60 s skew")
    void expired() {
        assertRejected(401, "expired", b -> b.issueTime(at(-200)).expirationTime(at(-61)));
    }

    @Test
    void expiredWithinSkewIsAccepted() throws Exception {
        validate(b -> b.issueTime(at(-100)).expirationTime(at(-30)));
    }

    @Test
    void missingExp() {
        assertRejected(401, "missing_exp", b -> b.expirationTime(null));
    }

    @Test
    void missingIat() {
        assertRejected(401, "missing_iat", b -> b.issueTime(null));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (8): iat in the future")
    void issuedInTheFuture() {
        assertRejected(401, "issued_in_future", b -> b.issueTime(at(120)).expirationTime(at(180)));
    }

    @Test
    void issuedTooLongAgo() {
        assertRejected(401, "too_old", b -> b.issueTime(at(-11 * 60)).expirationTime(at(3600)));
    }

    @Test
    void notYetValid() {
        assertRejected(401, "not_yet_valid", b -> b.notBeforeTime(at(300)));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (2): iss must be the login's issuer")
    void wrongIssuer() {
        assertRejected(401, "wrong_issuer", b -> b.issuer("https://evil.example.org"));
    }

    @Test
    void missingIssuer() {
        assertRejected(401, "missing_iss", b -> b.issuer(null));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (3): aud must contain our client id")
    void wrongAudience() {
        assertRejected(401, "wrong_audience", b -> b.audience("someone-else"));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (4): several audiences need azp")
    void severalAudiencesWithoutAzp() {
        assertRejected(401, "missing_azp", b -> b.audience(List.of("tool-123", "other")));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (5): azp must be our client id")
    void wrongAzp() {
        assertRejected(401, "wrong_azp", b -> b.audience(List.of("tool-123", "other")).claim("azp", "other"));
        assertRejected(401, "wrong_azp", b -> b.claim("azp", "other"));
    }

    @Test
    void severalAudiencesWithOurAzpAreAccepted() throws Exception {
        validate(b -> b.audience(List.of("tool-123", "other")).claim("azp", "tool-123"));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (9): the nonce must be present, ours and unused")
    void nonceRules() throws Exception {
        assertRejected(401, "missing_nonce", b -> b.claim("nonce", null));
        assertRejected(401, "wrong_nonce", b -> b.claim("nonce", "other"));
        String token = f.sign(f.claims().build());
        f.validator().validate(token, f.expected());
        LaunchRejected replay = assertThrows(LaunchRejected.class, () -> f.validator().validate(token, f.expected()));
        assertEquals("nonce_replayed", replay.code());
    }

    @Test
    void unknownPlatform() {
        f.platforms.clear();
        assertRejected(401, "unknown_platform", b -> b);
    }

    @Test
    void disabledPlatform() {
        f.platforms.clear();
        f.platforms.add(new org.calibrate.platform.entity.RegisteredPlatform(f.platform.id(), f.platform.issuer(), f.platform.clientId(),
                f.platform.authLoginUrl(), f.platform.authTokenUrl(), f.platform.keySetUrl(), f.platform.deploymentIds(), false));
        assertRejected(403, "platform_disabled", b -> b);
    }

    @Test
    @DisplayName("LTI Core §5.3.2: version 1.3.0")
    void wrongVersion() {
        assertRejected(400, "wrong_version", b -> b.claim(LtiClaims.VERSION, "1.1"));
        assertRejected(400, "wrong_version", b -> b.claim(LtiClaims.VERSION, null));
    }

    @Test
    @DisplayName("LTI Core §5.3.1: message type")
    void messageType() {
        assertRejected(400, "missing_message_type", b -> b.claim(LtiClaims.MESSAGE_TYPE, null));
        assertRejected(400, "unsupported_message_type", b -> b.claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest"));
    }

    @Test
    @DisplayName("LTI Core §5.3.3: deployment_id present and registered")
    void deployment() {
        assertRejected(400, "missing_deployment_id", b -> b.claim(LtiClaims.DEPLOYMENT_ID, null));
        assertRejected(403, "unknown_deployment", b -> b.claim(LtiClaims.DEPLOYMENT_ID, "dep-2"));
        assertRejected(400, "malformed_claim", b -> b.claim(LtiClaims.DEPLOYMENT_ID, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.org/lti/launch", "https://calibrate.example.org:8443/lti/launch",
            "http://calibrate.example.org/lti/launch", "https://calibrate.example.org@evil.example/lti/launch",
            "/lti/launch", "javascript:alert(1)"})
    @DisplayName("LTI Core §5.3.4: target_link_uri must point to this tool")
    void foreignTarget(String target) {
        assertRejected(400, "foreign_target_link_uri", b -> b.claim(LtiClaims.TARGET_LINK_URI, target));
    }

    @Test
    void missingTarget() {
        assertRejected(400, "missing_target_link_uri", b -> b.claim(LtiClaims.TARGET_LINK_URI, null));
    }

    @Test
    @DisplayName("LTI Core §5.3.6: no anonymous launches")
    void missingSub() {
        assertRejected(400, "missing_sub", b -> b.subject(null));
        assertRejected(400, "missing_sub", b -> b.subject("x".repeat(256)));
    }

    @Test
    @DisplayName("LTI Core §5.3.7: roles is a required array of strings")
    void roles() throws Exception {
        assertRejected(400, "missing_roles", b -> b.claim(LtiClaims.ROLES, null));
        assertRejected(400, "malformed_claim", b -> b.claim(LtiClaims.ROLES, List.of(1, 2)));
        assertEquals(ToolRole.NONE, validate(b -> b.claim(LtiClaims.ROLES, List.of())).toolRole(), "empty roles: allowed, no access");
    }

    @Test
    @DisplayName("LTI Core §5.3.5: resource_link.id")
    void resourceLink() {
        assertRejected(400, "missing_resource_link", b -> b.claim(LtiClaims.RESOURCE_LINK, null));
        assertRejected(400, "missing_resource_link", b -> b.claim(LtiClaims.RESOURCE_LINK, Map.of("title", "t")));
        assertRejected(400, "malformed_claim", b -> b.claim(LtiClaims.RESOURCE_LINK, "link-1"));
    }

    @Test
    @DisplayName("LTI Core §5.4.1: a course context is required by Calibrate")
    void context() {
        assertRejected(400, "missing_context", b -> b.claim(LtiClaims.CONTEXT, null));
        assertRejected(400, "missing_context", b -> b.claim(LtiClaims.CONTEXT, Map.of("title", "no id")));
    }

    @Test
    void customClaimsKeepStringsOnly() throws Exception {
        LtiLaunch launch = validate(b -> b.claim(LtiClaims.CUSTOM, Map.of("round", "r-1", "n", 3, "long", "x".repeat(2000))));
        assertEquals(Map.of("round", "r-1"), launch.custom());
    }

    @Test
    void nameAndEmailAreCapped() throws Exception {
        LtiLaunch launch = validate(b -> b.claim("name", "n".repeat(1000)).claim("email", "   "));
        assertEquals(255, launch.name().orElseThrow().length());
        assertTrue(launch.email().isEmpty());
    }
}
