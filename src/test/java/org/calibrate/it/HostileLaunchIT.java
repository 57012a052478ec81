package org.calibrate.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile logins and launches against the running tool: each one is refused with the right status,
 * a stable error code and a message for people, and no session is created.
 */
@ExtendWith(CalibrateServer.class)
class HostileLaunchIT {
    private static CalibrateServer.Running server;
    private static TestPlatform platform;
    private static LtiClient client;

    @BeforeAll
    static void setUp() throws Exception {
        server = CalibrateServer.get();
        platform = server.platform();
        client = new LtiClient(server.url());
    }

    private static void assertRejected(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), () -> "status for " + code + ": " + r.body());
        assertEquals(code, r.headers().firstValue("X-Calibrate-Error").orElse(null), r::body);
        assertTrue(r.body().contains("id=\"error-code\">" + code + "<"), "page names the error code");
        assertTrue(r.body().contains("Calibrate could not start"), "page explains in words");
        assertNoSession(r);
    }

    private static void assertNoSession(HttpResponse<String> r) {
        assertFalse(r.headers().firstValue("Location").orElse("").contains("#launch="), "no session was handed out");
        assertFalse(r.statusCode() == 303, "no redirect into the app");
    }

    /** Login as the test platform, then post an id_token built from valid claims changed by {@code tweak}. */
    private static HttpResponse<String> launch(UnaryOperator<JWTClaimsSet.Builder> tweak) throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = tweak.apply(platform.launchClaims(login.nonce(), server.url(), instructor())).build();
        return client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie());
    }

    private static HttpResponse<String> launchSigned(java.util.function.Function<JWTClaimsSet, String> signer) throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), instructor()).build();
        return client.launch(signer.apply(claims), login.state(), login.cookie());
    }

    private static String instructor() {
        return "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    }

    private static Date minutesFromNow(long minutes) {
        return Date.from(Instant.now().plus(Duration.ofMinutes(minutes)));
    }

    @Test
    @DisplayName("control: the unchanged launch is accepted (so every refusal below is about its one change)")
    void validLaunchIsAccepted() throws Exception {
        HttpResponse<String> r = launch(b -> b);
        assertEquals(303, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith(server.url() + "/app/#launch="));
    }

    // --- signature and header (Security Framework §5.1.3 (1), (6); §5.4; §6.3) ---

    @Test
    void unsignedAlgNone() throws Exception {
        assertRejected(launchSigned(c -> new PlainJWT(c).serialize()), 401, "unsigned_token");
    }

    @Test
    void hs256SignedWithThePlatformsPublicKey() throws Exception {
        assertRejected(launchSigned(c -> {
            try {
                byte[] secret = MessageDigest.getInstance("SHA-256").digest(platform.key().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(platform.key().getKeyID()).build(), c);
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), 401, "wrong_algorithm");
    }

    @Test
    void rs512IsNotRs256() throws Exception {
        assertRejected(launchSigned(c -> TestPlatform.sign(c, platform.key(),
                new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(platform.key().getKeyID()).build())), 401, "wrong_algorithm");
    }

    @Test
    void unknownKid() throws Exception {
        assertRejected(launchSigned(c -> TestPlatform.sign(c, platform.key(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("no-such-key").build())), 401, "unknown_kid");
    }

    @Test
    void missingKid() throws Exception {
        assertRejected(launchSigned(c -> TestPlatform.sign(c, platform.key(), new JWSHeader.Builder(JWSAlgorithm.RS256).build())),
                401, "missing_kid");
    }

    @Test
    @DisplayName("a key from another platform under the platform's kid")
    void keyFromAnotherPlatform() throws Exception {
        assertRejected(launchSigned(c -> TestPlatform.sign(c, platform.foreignKey())), 401, "bad_signature");
    }

    @Test
    @DisplayName("the token names its own key set (jku): never fetched")
    void embeddedKeySetUrl() throws Exception {
        assertRejected(launchSigned(c -> TestPlatform.sign(c, platform.key(), new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(platform.key().getKeyID()).jwkURL(URI.create("http://127.0.0.1:9/attacker-jwks")).build())), 401, "embedded_key");
    }

    @Test
    @DisplayName("the token carries its own public key (jwk header)")
    void embeddedKey() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(platform.key().getKeyID()).generate();
        assertRejected(launchSigned(c -> TestPlatform.sign(c, attacker, new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(attacker.getKeyID()).jwk(attacker.toPublicJWK()).build())), 401, "embedded_key");
    }

    @Test
    @DisplayName("tampered payload: the role changed after signing")
    void tamperedPayload() throws Exception {
        assertRejected(launchSigned(c -> {
            String[] parts = TestPlatform.sign(c, platform.key()).split("\\.");
            JWTClaimsSet changed = new JWTClaimsSet.Builder(c).claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                    List.of("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator")).build();
            return parts[0] + "." + Base64URL.encode(changed.toString()) + "." + parts[2];
        }), 401, "bad_signature");
    }

    @Test
    void malformedJwt() throws Exception {
        assertRejected(launchSigned(c -> "not.a.jwt"), 400, "malformed_token");
    }

    @Test
    void payloadIsNotJson() throws Exception {
        assertRejected(launchSigned(c -> {
            try {
                JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(platform.key().getKeyID())
                        .type(JOSEObjectType.JWT).build(), new Payload("{\"iss\": broken"));
                jws.sign(new RSASSASigner(platform.key()));
                return jws.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), 400, "malformed_claims");
    }

    @Test
    void oversizedToken() throws Exception {
        assertRejected(launch(b -> b.claim("padding", "x".repeat(70_000))), 413, "token_too_large");
    }

    @Test
    @DisplayName("a launch posted without a form content type (none, a wildcard, an unknown charset) is refused, not a server error")
    void launchThatIsNotAForm() throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        String token = TestPlatform.sign(platform.launchClaims(login.nonce(), server.url(), instructor()).build(), platform.key());
        String body = LtiClient.encode(Map.of("id_token", token, "state", login.state()));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String type : new String[] {null, "*/*", "application/x-www-form-urlencoded; charset=bogus"}) {
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(server.url() + "/lti/launch"))
                    .header("Cookie", login.cookie()).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (type != null) {
                b.header("Content-Type", type);
            }
            assertRejected(http.send(b.build(), HttpResponse.BodyHandlers.ofString()), 415, "not_a_form");
        }
    }

    @Test
    void missingIdToken() throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        assertRejected(client.launch(null, login.state(), login.cookie()), 400, "missing_id_token");
    }

    // --- time (Security Framework §5.1.3 (7), (8)) ---

    @Test
    void expired() throws Exception {
        assertRejected(launch(b -> b.issueTime(minutesFromNow(-5)).expirationTime(minutesFromNow(-3))), 401, "expired");
    }

    @Test
    void issuedInTheFuture() throws Exception {
        assertRejected(launch(b -> b.issueTime(minutesFromNow(5)).expirationTime(minutesFromNow(6))), 401, "issued_in_future");
    }

    @Test
    @DisplayName("issued long ago although exp is far ahead")
    void issuedTooLongAgo() throws Exception {
        assertRejected(launch(b -> b.issueTime(minutesFromNow(-30)).expirationTime(minutesFromNow(60))), 401, "too_old");
    }

    @Test
    void missingExp() throws Exception {
        assertRejected(launch(b -> b.expirationTime(null)), 401, "missing_exp");
    }

    // --- issuer and audience (Security Framework §5.1.3 (2)–(5)) ---

    @Test
    void wrongIssuer() throws Exception {
        assertRejected(launch(b -> b.issuer("https://evil.example.org")), 401, "wrong_issuer");
    }

    @Test
    void audienceWithoutOurClientId() throws Exception {
        assertRejected(launch(b -> b.audience("someone-else")), 401, "wrong_audience");
    }

    @Test
    @DisplayName("a token for the issuer's other registration, posted to this login")
    void audienceOfTheOtherRegistration() throws Exception {
        assertRejected(launch(b -> b.audience(TestPlatform.OTHER_CLIENT_ID)), 401, "wrong_audience");
    }

    @Test
    void multipleAudiencesWithoutAzp() throws Exception {
        assertRejected(launch(b -> b.audience(List.of(TestPlatform.CLIENT_ID, "another-tool"))), 401, "missing_azp");
    }

    @Test
    void wrongAzp() throws Exception {
        assertRejected(launch(b -> b.audience(List.of(TestPlatform.CLIENT_ID, "another-tool")).claim("azp", "another-tool")), 401, "wrong_azp");
    }

    @Test
    @DisplayName("control: several audiences with azp = our client id are accepted")
    void multipleAudiencesWithAzp() throws Exception {
        HttpResponse<String> r = launch(b -> b.audience(List.of(TestPlatform.CLIENT_ID, "another-tool")).claim("azp", TestPlatform.CLIENT_ID));
        assertEquals(303, r.statusCode(), r::body);
    }

    // --- nonce and state (Security Framework §5.1.3 (9), §7.3.1; OIDC Core §3.1.2.7) ---

    @Test
    void nonceMissing() throws Exception {
        assertRejected(launch(b -> b.claim("nonce", null)), 401, "missing_nonce");
    }

    @Test
    void nonceNotTheOneSent() throws Exception {
        assertRejected(launch(b -> b.claim("nonce", "a-nonce-we-never-sent")), 401, "wrong_nonce");
    }

    @Test
    @DisplayName("an accepted id_token replayed under a fresh login: its nonce belongs to the old login")
    void idTokenReplayedWithFreshState() throws Exception {
        LtiClient.Login first = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        String token = TestPlatform.sign(platform.launchClaims(first.nonce(), server.url(), instructor()).build(), platform.key());
        assertEquals(303, client.launch(token, first.state(), first.cookie()).statusCode());
        LtiClient.Login second = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        assertRejected(client.launch(token, second.state(), second.cookie()), 401, "wrong_nonce");
    }

    @Test
    @DisplayName("the whole launch post replayed: state already used")
    void launchReplayed() throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        String token = TestPlatform.sign(platform.launchClaims(login.nonce(), server.url(), instructor()).build(), platform.key());
        assertEquals(303, client.launch(token, login.state(), login.cookie()).statusCode());
        assertRejected(client.launch(token, login.state(), login.cookie()), 401, "unknown_state");
    }

    @Test
    void stateMissing() throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        String token = TestPlatform.sign(platform.launchClaims(login.nonce(), server.url(), instructor()).build(), platform.key());
        assertRejected(client.launch(token, null, login.cookie()), 401, "missing_state");
    }

    @Test
    void stateNeverIssued() throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        String token = TestPlatform.sign(platform.launchClaims(login.nonce(), server.url(), instructor()).build(), platform.key());
        assertRejected(client.launch(token, "forged-state-value", login.cookie()), 401, "unknown_state");
    }

    @Test
    @DisplayName("state without the browser's cookie (login started in another browser: login CSRF)")
    void stateWithoutCookie() throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        String token = TestPlatform.sign(platform.launchClaims(login.nonce(), server.url(), instructor()).build(), platform.key());
        assertRejected(client.launch(token, login.state(), null), 401, "state_not_bound");
    }

    @Test
    @DisplayName("state with the cookie of another login")
    void stateWithAnotherLoginsCookie() throws Exception {
        LtiClient.Login mine = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        LtiClient.Login theirs = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        String token = TestPlatform.sign(platform.launchClaims(theirs.nonce(), server.url(), instructor()).build(), platform.key());
        assertRejected(client.launch(token, theirs.state(), mine.cookie()), 401, "state_not_bound");
    }

    // --- LTI message claims (LTI Core §5.3, §5.4) ---

    @Test
    void unknownDeployment() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "not-registered")), 403, "unknown_deployment");
    }

    @Test
    void missingDeployment() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", null)), 400, "missing_deployment_id");
    }

    @Test
    void wrongVersion() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.1")), 400, "wrong_version");
    }

    @Test
    void unknownMessageType() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiStartAssessment")), 400, "unsupported_message_type");
    }

    @Test
    void missingMessageType() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", null)), 400, "missing_message_type");
    }

    @Test
    void missingSub() throws Exception {
        assertRejected(launch(b -> b.subject(null)), 400, "missing_sub");
    }

    @Test
    void missingRoles() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", null)), 400, "missing_roles");
    }

    @Test
    void rolesNotAnArray() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", instructor())), 400, "missing_roles");
    }

    @Test
    void missingResourceLinkId() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("title", "no id"))), 400, "missing_resource_link");
    }

    @Test
    void missingContext() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/context", null)), 400, "missing_context");
    }

    @Test
    void targetLinkUriElsewhere() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", "https://evil.example.org/lti/launch")),
                400, "foreign_target_link_uri");
    }

    @Test
    void targetLinkUriWithUserinfoTrick() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", server.url() + "@evil.example.org/")),
                400, "foreign_target_link_uri");
    }

    @Test
    void claimOfTheWrongType() throws Exception {
        assertRejected(launch(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", 42)), 400, "malformed_claim");
    }

    // --- the platform's key set (bounded fetch; Security Framework §6.3) ---

    private static HttpResponse<String> launchFrom(String issuer) throws Exception {
        LtiClient.Login login = client.login(issuer, TestPlatform.CLIENT_ID);
        assertEquals(302, login.response().statusCode(), login.response()::body);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), instructor()).issuer(issuer).build();
        return client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie());
    }

    @Test
    void keySetEndpointDown() throws Exception {
        assertRejected(launchFrom(platform.url() + "/down"), 502, "key_set_unavailable");
    }

    @Test
    @DisplayName("key set endpoint hangs: bounded wait, then a clear refusal")
    void keySetEndpointSlow() throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> r = launchFrom(platform.url() + "/slow");
        assertRejected(r, 502, "key_set_unavailable");
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 12, "no hang: the fetch has a timeout");
    }

    @Test
    void keySetIsNotAKeySet() throws Exception {
        assertRejected(launchFrom(platform.url() + "/garbage"), 502, "key_set_unavailable");
    }

    // --- login initiation (Security Framework §5.1.1.1; LTI Core §5.1.1) ---

    private static Map<String, String> loginParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("iss", platform.issuer());
        p.put("login_hint", "user-42");
        p.put("target_link_uri", server.url() + "/lti/launch");
        p.put("client_id", TestPlatform.CLIENT_ID);
        return p;
    }

    private static void assertLoginRejected(Map<String, String> params, int status, String code) throws Exception {
        HttpResponse<String> r = client.login(params).response();
        assertRejected(r, status, code);
        assertTrue(r.headers().firstValue("Location").isEmpty(), "no redirect anywhere");
    }

    @Test
    void loginFromUnknownIssuer() throws Exception {
        Map<String, String> p = loginParams();
        p.put("iss", "https://unknown-lms.example.org");
        assertLoginRejected(p, 400, "unknown_platform");
    }

    @Test
    void loginWithoutIss() throws Exception {
        Map<String, String> p = loginParams();
        p.remove("iss");
        assertLoginRejected(p, 400, "missing_iss");
    }

    @Test
    void loginWithoutLoginHint() throws Exception {
        Map<String, String> p = loginParams();
        p.remove("login_hint");
        assertLoginRejected(p, 400, "missing_login_hint");
    }

    @Test
    @DisplayName("open redirect through target_link_uri")
    void loginTargetElsewhere() throws Exception {
        Map<String, String> p = loginParams();
        p.put("target_link_uri", "https://evil.example.org/phish");
        assertLoginRejected(p, 400, "foreign_target_link_uri");
    }

    @Test
    @DisplayName("open redirect through a scheme-relative target_link_uri")
    void loginTargetSchemeRelative() throws Exception {
        Map<String, String> p = loginParams();
        p.put("target_link_uri", "//evil.example.org/lti/launch");
        assertLoginRejected(p, 400, "foreign_target_link_uri");
    }

    @Test
    void loginTargetJavascript() throws Exception {
        Map<String, String> p = loginParams();
        p.put("target_link_uri", "javascript:alert(document.cookie)");
        assertLoginRejected(p, 400, "foreign_target_link_uri");
    }

    @Test
    @DisplayName("a redirect_uri smuggled into the login is ignored: the auth request goes to the registered URL with our redirect URI")
    void loginRedirectUriSmuggled() throws Exception {
        Map<String, String> p = loginParams();
        p.put("redirect_uri", "https://evil.example.org/steal");
        p.put("auth_login_url", "https://evil.example.org/auth");
        LtiClient.Login login = client.login(p);
        assertEquals(302, login.response().statusCode());
        String location = login.response().headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(platform.url() + "/auth?"), location);
        assertEquals(server.url() + "/lti/launch", login.authRequest().get("redirect_uri"));
    }

    @Test
    void loginWithUnknownClientId() throws Exception {
        Map<String, String> p = loginParams();
        p.put("client_id", "not-our-client");
        assertLoginRejected(p, 400, "unknown_platform");
    }

    @Test
    @DisplayName("no client_id while the issuer has two registrations (Moodle: one per tool type)")
    void loginAmbiguousWithoutClientId() throws Exception {
        Map<String, String> p = loginParams();
        p.remove("client_id");
        assertLoginRejected(p, 400, "client_id_required");
    }

    @Test
    void loginWithUnknownDeployment() throws Exception {
        Map<String, String> p = loginParams();
        p.put("lti_deployment_id", "not-registered");
        assertLoginRejected(p, 403, "unknown_deployment");
    }

    @Test
    void loginWithOversizedHint() throws Exception {
        Map<String, String> p = loginParams();
        p.put("login_hint", "h".repeat(5000));
        assertLoginRejected(p, 400, "oversized_parameter");
    }
}
