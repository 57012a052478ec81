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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.calibrate.launch.control.LaunchFixture.CLIENT_ID;
import static org.calibrate.launch.control.LaunchFixture.INSTRUCTOR;
import static org.calibrate.launch.control.LaunchFixture.NONCE;
import static org.calibrate.launch.control.LaunchFixture.NOW;
import static org.calibrate.launch.control.LaunchFixture.OTHER_PLATFORM_KEY;
import static org.calibrate.launch.control.LaunchFixture.PLATFORM_KEY;
import static org.calibrate.launch.control.LaunchFixture.TARGET;
import static org.calibrate.launch.control.LaunchFixture.claims;
import static org.calibrate.launch.control.LaunchFixture.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each id_token rule on its own: a valid Moodle launch with exactly one thing changed. */
class IdTokenValidatorTest {
    private final LaunchFixture f = new LaunchFixture();

    private LtiLaunch validate(String token) throws LaunchRejected {
        return f.validator().validate(token, f.expected());
    }

    private LtiLaunch accepted(UnaryOperator<JWTClaimsSet.Builder> tweak) throws LaunchRejected {
        return validate(sign(tweak.apply(claims()).build()));
    }

    private LaunchRejected assertRejected(int status, String code, String token) {
        LaunchRejected e = assertThrows(LaunchRejected.class, () -> validate(token));
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(status, e.status(), e::getMessage);
        return e;
    }

    private LaunchRejected assertRejected(int status, String code, UnaryOperator<JWTClaimsSet.Builder> tweak) {
        return assertRejected(status, code, sign(tweak.apply(claims()).build()));
    }

    private static Date in(long seconds) {
        return Date.from(NOW.plusSeconds(seconds));
    }

    // ---- the valid launch ----------------------------------------------------------------------

    @Test
    @DisplayName("a Moodle resource link launch by an editing teacher is accepted, and its nonce is spent")
    void validMoodleLaunch() throws Exception {
        LtiLaunch launch = accepted(b -> b);

        assertEquals(f.platform, launch.platform());
        assertEquals("dep-1", launch.deploymentId().value());
        assertEquals("LtiResourceLinkRequest", launch.messageType());
        assertEquals("7", launch.subject());
        assertEquals(Optional.of("Dana Teacher"), launch.name());
        assertEquals(Optional.of("dana@school.example.org"), launch.email());
        assertEquals(List.of(INSTRUCTOR), launch.roles());
        assertEquals(ToolRole.TEACHER, launch.toolRole());
        assertEquals("course-2", launch.context().id());
        assertEquals(Optional.of("English 8"), launch.context().title());
        assertEquals(Optional.of("ENG8"), launch.context().label());
        assertEquals("link-4", launch.resourceLink().orElseThrow().id());
        assertEquals(Optional.of("Essay moderation"), launch.resourceLink().orElseThrow().title());
        assertEquals(TARGET, launch.targetLinkUri());
        assertEquals(Map.of(), launch.custom());
        assertEquals(1, f.usedNonces.size(), "the nonce is recorded as used");
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (9): the used nonce is kept at least as long as the token could still be accepted")
    void nonceIsKeptUntilTheTokenCanNoLongerBeAccepted() throws Exception {
        accepted(b -> b);
        assertEquals(1, f.keptUntil.size());
        assertFalse(f.keptUntil.get(0).isBefore(NOW.plusSeconds(60).plus(IdTokenValidator.CLOCK_SKEW)),
                "kept until " + f.keptUntil.get(0) + ", but the token is accepted until exp + skew");
    }

    // ---- signature and header (Security Framework §5.1.3 (1), (6), §5.4, §6.3) --------------------

    @Test
    @DisplayName("Security Framework §5.4: an unsigned token (alg none) is refused")
    void algNone() {
        assertRejected(401, "unsigned_token", new PlainJWT(claims().build()).serialize());
    }

    @Test
    @DisplayName("Security Framework §5.4: HS256 keyed with the platform's public key is refused (algorithm confusion)")
    void hs256WithThePublicKeyAsSecret() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("p1").build(), claims().build());
        jwt.sign(new MACSigner(PLATFORM_KEY.toRSAPublicKey().getEncoded()));
        assertRejected(401, "wrong_algorithm", jwt.serialize());
    }

    @Test
    @DisplayName("Security Framework §5.4: RS512 is not RS256")
    void rs512() {
        assertRejected(401, "wrong_algorithm",
                sign(claims().build(), PLATFORM_KEY, new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("p1").build()));
    }

    @Test
    @DisplayName("Security Framework §6.3: a header without kid is refused")
    void missingKid() {
        assertRejected(401, "missing_kid", sign(claims().build(), PLATFORM_KEY, new JWSHeader.Builder(JWSAlgorithm.RS256).build()));
    }

    @Test
    @DisplayName("a key embedded in the header (jwk) is refused, even when the token verifies with it")
    void embeddedJwk() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("p1").jwk(OTHER_PLATFORM_KEY.toPublicJWK()).build();
        assertRejected(401, "embedded_key", sign(claims().build(), OTHER_PLATFORM_KEY, header));
    }

    @Test
    @DisplayName("a certificate chain in the header (x5c) is refused: keys come from the registered key set only")
    void embeddedCertificateChain() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("p1")
                .x509CertChain(java.util.List.of(com.nimbusds.jose.util.Base64.encode("not a certificate"))).build();
        assertRejected(401, "embedded_key", sign(claims().build(), PLATFORM_KEY, header));
    }

    @Test
    @DisplayName("a key set URL in the header (jku) is refused, never fetched")
    void embeddedJku() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("p1").jwkURL(URI.create("https://evil.example/jwks")).build();
        assertRejected(401, "embedded_key", sign(claims().build(), OTHER_PLATFORM_KEY, header));
    }

    @Test
    @DisplayName("Security Framework §6.3: a kid missing from the platform's key set is refused")
    void unknownKid() {
        assertRejected(401, "unknown_kid", sign(claims().build(), PLATFORM_KEY, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("p9").build()));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (1): another platform's key under our platform's kid fails, and spends no nonce")
    void otherPlatformsKeyUnderTheSameKid() {
        assertRejected(401, "bad_signature", sign(claims().build(), OTHER_PLATFORM_KEY, LaunchFixture.rs256()));
        assertTrue(f.presentedNonces.isEmpty(), "an unverified token must not touch the nonce ledger");
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (1): a payload changed after signing fails, and spends no nonce")
    void tamperedPayload() {
        String[] parts = sign(claims().build()).split("\\.");
        String forged = Base64URL.encode(claims().subject("admin").build().toString()).toString();
        assertRejected(401, "bad_signature", parts[0] + "." + forged + "." + parts[2]);
        assertTrue(f.presentedNonces.isEmpty(), "an unverified token must not touch the nonce ledger");
    }

    // ---- times (Security Framework §5.1.3 (7), (8)) ------------------------------------------------

    @Test
    @DisplayName("Security Framework §5.1.3 (7): exp more than 60 s ago is refused")
    void expired() {
        assertRejected(401, "expired", b -> b.issueTime(in(-200)).expirationTime(in(-61)));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (7): exp up to 60 s ago is within the clock skew and accepted")
    void expiredWithinSkew() throws Exception {
        accepted(b -> b.issueTime(in(-120)).expirationTime(in(-60)));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (8): iat more than 60 s in the future is refused")
    void issuedInTheFuture() {
        assertRejected(401, "issued_in_future", b -> b.issueTime(in(61)).expirationTime(in(121)));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (8): iat up to 60 s in the future is within the clock skew and accepted")
    void issuedInTheFutureWithinSkew() throws Exception {
        accepted(b -> b.issueTime(in(60)).expirationTime(in(120)));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (8): a token issued more than 10 minutes ago is refused, even with a later exp")
    void tooOld() {
        assertRejected(401, "too_old", b -> b.issueTime(in(-601)).expirationTime(in(3600)));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (7): exp is required")
    void missingExp() {
        assertRejected(401, "missing_exp", b -> b.expirationTime(null));
    }

    @Test
    @DisplayName("OIDC Core §2: iat is required")
    void missingIat() {
        assertRejected(401, "missing_iat", b -> b.issueTime(null));
    }

    @Test
    @DisplayName("an nbf beyond the clock skew is refused")
    void notBeforeInTheFuture() {
        assertRejected(401, "not_yet_valid", b -> b.notBeforeTime(in(61)));
    }

    // ---- issuer, audience, azp (Security Framework §5.1.3 (2)–(5)) --------------------------------

    @Test
    @DisplayName("Security Framework §5.1.3 (2): iss must be the issuer of this login")
    void wrongIssuer() {
        assertRejected(401, "wrong_issuer", b -> b.issuer("https://evil.example"));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (3): aud must contain our client id")
    void wrongAudience() {
        assertRejected(401, "wrong_audience", b -> b.audience("tool-999"));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (4): several audiences without azp are refused")
    void severalAudiencesWithoutAzp() {
        assertRejected(401, "missing_azp", b -> b.audience(List.of(CLIENT_ID, "tool-999")));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (4), (5): several audiences with azp = our client id are accepted")
    void severalAudiencesWithOurAzp() throws Exception {
        accepted(b -> b.audience(List.of(CLIENT_ID, "tool-999")).claim("azp", CLIENT_ID));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (5): an azp other than our client id is refused")
    void wrongAzp() {
        assertRejected(401, "wrong_azp", b -> b.claim("azp", "tool-999"));
    }

    // ---- nonce (Security Framework §5.1.3 (9), OIDC Core §3.1.3.7 (11)) ---------------------------

    @Test
    @DisplayName("Security Framework §5.1.3 (9): nonce is required")
    void missingNonce() {
        assertRejected(401, "missing_nonce", b -> b.claim("nonce", null));
    }

    @Test
    @DisplayName("OIDC Core §3.1.3.7 (11): the nonce must be the one sent with this login")
    void wrongNonce() {
        assertRejected(401, "wrong_nonce", b -> b.claim("nonce", NONCE + "x"));
    }

    @Test
    @DisplayName("Security Framework §5.1.3 (9): the same token a second time is a replay")
    void replay() throws Exception {
        String token = sign(claims().build());
        validate(token);
        assertRejected(401, "nonce_replayed", token);
    }

    // ---- registration --------------------------------------------------------------------------

    @Test
    @DisplayName("an issuer and client id without registration are refused")
    void unknownPlatform() {
        f.registrations.clear();
        assertRejected(401, "unknown_platform", b -> b);
    }

    @Test
    @DisplayName("a disabled registration is refused with 403")
    void disabledPlatform() {
        f.registrations.set(0, LaunchFixture.disabled(f.platform));
        assertRejected(403, "platform_disabled", b -> b);
    }

    // ---- LTI message claims (LTI Core §5.3, §5.4) ----------------------------------------------

    @Test
    @DisplayName("LTI Core §5.3.2: version must be 1.3.0")
    void wrongVersion() {
        assertRejected(400, "wrong_version", b -> b.claim(LtiClaims.VERSION, "1.1"));
    }

    @Test
    @DisplayName("LTI Core §5.3.1: message_type is required")
    void missingMessageType() {
        assertRejected(400, "missing_message_type", b -> b.claim(LtiClaims.MESSAGE_TYPE, null));
    }

    @Test
    @DisplayName("LTI Core §5.3.1: message types Calibrate does not handle are refused")
    void unsupportedMessageType() {
        assertRejected(400, "unsupported_message_type", b -> b.claim(LtiClaims.MESSAGE_TYPE, "LtiStartProctoring"));
    }

    @Test
    @DisplayName("LTI Core §5.3.3: deployment_id is required")
    void missingDeploymentId() {
        assertRejected(400, "missing_deployment_id", b -> b.claim(LtiClaims.DEPLOYMENT_ID, null));
    }

    @Test
    @DisplayName("LTI Core §5.3.3: a deployment not registered for the platform is refused with 403")
    void unknownDeployment() {
        assertRejected(403, "unknown_deployment", b -> b.claim(LtiClaims.DEPLOYMENT_ID, "dep-2"));
    }

    @Test
    @DisplayName("LTI Core §5.3.3: deployment_id as a number is a malformed claim")
    void deploymentIdAsNumber() {
        assertRejected(400, "malformed_claim", b -> b.claim(LtiClaims.DEPLOYMENT_ID, 1));
    }

    @Test
    @DisplayName("LTI Core §5.3.4: target_link_uri is required")
    void missingTargetLinkUri() {
        assertRejected(400, "missing_target_link_uri", b -> b.claim(LtiClaims.TARGET_LINK_URI, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://evil.example/lti/launch",
            "https://calibrate.example.org:8443/lti/launch",
            "http://calibrate.example.org/lti/launch",
            "https://calibrate.example.org@evil.example/lti/launch",
            "https://user@calibrate.example.org/lti/launch"})
    @DisplayName("LTI Core §5.3.4: target_link_uri on another host, port or scheme, or with user info, is refused")
    void foreignTargetLinkUri(String target) {
        assertRejected(400, "foreign_target_link_uri", b -> b.claim(LtiClaims.TARGET_LINK_URI, target));
    }

    @Test
    @DisplayName("LTI Core §5.3.4: target_link_uri with the explicit default port is still ours")
    void targetLinkUriWithDefaultPort() throws Exception {
        accepted(b -> b.claim(LtiClaims.TARGET_LINK_URI, "https://calibrate.example.org:443/lti/launch"));
    }

    @Test
    @DisplayName("LTI Core §5.3.6: an anonymous launch (no sub) is refused")
    void missingSub() {
        assertRejected(400, "missing_sub", b -> b.subject(null));
    }

    @Test
    @DisplayName("LTI Core §5.3.7: roles is required")
    void missingRoles() {
        assertRejected(400, "missing_roles", b -> b.claim(LtiClaims.ROLES, null));
    }

    @Test
    @DisplayName("LTI Core §5.3.7: roles must hold strings")
    void rolesNotStrings() {
        assertRejected(400, "malformed_claim", b -> b.claim(LtiClaims.ROLES, List.of(1, 2)));
    }

    @Test
    @DisplayName("LTI Core §5.3.7: an empty roles array is allowed and gives no access")
    void emptyRoles() throws Exception {
        LtiLaunch launch = accepted(b -> b.claim(LtiClaims.ROLES, List.of()));
        assertEquals(List.of(), launch.roles());
        assertEquals(ToolRole.NONE, launch.toolRole());
    }

    @Test
    @DisplayName("LTI Core §5.3.5: resource_link is required")
    void missingResourceLink() {
        assertRejected(400, "missing_resource_link", b -> b.claim(LtiClaims.RESOURCE_LINK, null));
    }

    @Test
    @DisplayName("LTI Core §5.3.5: resource_link needs an id")
    void resourceLinkWithoutId() {
        assertRejected(400, "missing_resource_link", b -> b.claim(LtiClaims.RESOURCE_LINK, Map.of("title", "Essay moderation")));
    }

    @Test
    @DisplayName("LTI Core §5.4.1: Calibrate needs a context (course)")
    void missingContext() {
        assertRejected(400, "missing_context", b -> b.claim(LtiClaims.CONTEXT, null));
    }

    // ---- the token as text ---------------------------------------------------------------------

    @Test
    @DisplayName("a signed token longer than MAX_TOKEN_CHARS is refused with 413 before any other work")
    void oversizedToken() {
        String token = sign(claims().claim(LtiClaims.CUSTOM, Map.of("pad", "x".repeat(IdTokenValidator.MAX_TOKEN_CHARS))).build());
        assertTrue(token.length() > IdTokenValidator.MAX_TOKEN_CHARS);
        assertRejected(413, "token_too_large", token);
        assertTrue(f.presentedNonces.isEmpty());
    }

    @Test
    @DisplayName("LTI Core §5.1.1: an empty id_token is missing")
    void emptyToken() {
        assertRejected(400, "missing_id_token", "");
    }

    @Test
    @DisplayName("LTI Core §5.1.1: no id_token at all is missing")
    void nullToken() {
        assertRejected(400, "missing_id_token", (String) null);
    }

    @Test
    @DisplayName("a string that is not a JWT is malformed")
    void garbage() {
        assertRejected(400, "malformed_token", "this is not a token");
    }

    @Test
    @DisplayName("three dots-separated parts that are not Base64URL JSON are malformed")
    void threeBogusParts() {
        assertRejected(400, "malformed_token", "a.b.c");
    }

    @Test
    @DisplayName("an encrypted JWT (JWE) is not an LTI id_token")
    void encryptedToken() throws Exception {
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM), claims().build());
        jwe.encrypt(new RSAEncrypter(PLATFORM_KEY.toRSAPublicKey()));
        assertRejected(400, "unsupported_token", jwe.serialize());
    }

    // ---- what the launch carries ---------------------------------------------------------------

    @Test
    @DisplayName("name and email are trimmed")
    void nameAndEmailTrimmed() throws Exception {
        LtiLaunch launch = accepted(b -> b.claim("name", "  Dana Teacher \n").claim("email", " dana@school.example.org "));
        assertEquals(Optional.of("Dana Teacher"), launch.name());
        assertEquals(Optional.of("dana@school.example.org"), launch.email());
    }

    @Test
    @DisplayName("name is capped at 255 and email at 320 characters")
    void nameAndEmailCapped() throws Exception {
        LtiLaunch launch = accepted(b -> b.claim("name", "n".repeat(1000)).claim("email", "e".repeat(1000)));
        assertEquals("n".repeat(255), launch.name().orElseThrow());
        assertEquals("e".repeat(320), launch.email().orElseThrow());
    }

    @Test
    @DisplayName("a blank name or email is absent, and so is one the platform does not share")
    void blankOrUnsharedNameAndEmail() throws Exception {
        LtiLaunch launch = accepted(b -> b.claim("name", "   ").claim("email", null));
        assertEquals(Optional.empty(), launch.name());
        assertEquals(Optional.empty(), launch.email());
    }

    @Test
    @DisplayName("LTI Core §5.4.6: custom claims keep string values only")
    void customClaimsAreStringsOnly() throws Exception {
        LtiLaunch launch = accepted(b -> b.claim(LtiClaims.CUSTOM,
                Map.of("round", "r-1", "count", 3, "flag", true, "nested", Map.of("a", "b"), "list", List.of("x"))));
        assertEquals(Map.of("round", "r-1"), launch.custom());
    }

    @Test
    @DisplayName("a NUL in an identifier refuses the launch (it cannot be stored); other control characters leave shown names")
    void nulInTheSubject() {
        assertRejected(400, "malformed_claim", b -> b.subject("7\u00008"));
    }

    @Test
    @DisplayName("a NUL in the context id counts as no context")
    void nulInTheContext() {
        assertRejected(400, "missing_context", b -> b.claim(LtiClaims.CONTEXT, Map.of("id", "course\u00002")));
    }

    @Test
    @DisplayName("control characters are dropped from a shown name")
    void controlCharactersInAName() throws Exception {
        LtiLaunch launch = accepted(b -> b.claim("name", "Dana\tTeacher\u0007"));
        assertEquals(Optional.of("Dana Teacher"), launch.name());
    }
}
