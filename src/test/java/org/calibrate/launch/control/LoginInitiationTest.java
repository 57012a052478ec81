package org.calibrate.launch.control;

import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.RegisteredPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginInitiationTest {
    private static final URI TOOL = URI.create("https://calibrate.example.org");
    private static final URI REDIRECT = URI.create("https://calibrate.example.org/lti/launch");
    private LaunchFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new LaunchFixture();
    }

    private LoginInitiation initiation() {
        return new LoginInitiation(f.directory(), TOOL, REDIRECT);
    }

    private static Map<String, String> params() {
        Map<String, String> p = new HashMap<>();
        p.put("iss", "https://lms.example.org");
        p.put("login_hint", "42");
        p.put("target_link_uri", "https://calibrate.example.org/lti/launch");
        p.put("client_id", "tool-123");
        return p;
    }

    private void assertRejected(int status, String code, Map<String, String> params) {
        LaunchRejected e = assertThrows(LaunchRejected.class, () -> initiation().accept(LoginRequest.of(params)));
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(status, e.status());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    @DisplayName("Security Framework §5.1.1.2: the authentication request carries the OIDC and LTI values")
    void buildsTheAuthenticationRequest() throws Exception {
        LoginInitiation.Accepted a = initiation().accept(LoginRequest.of(params()));
        URI auth = a.authenticationRequest();
        assertTrue(auth.toString().startsWith("https://lms.example.org/auth?"));
        Map<String, String> q = query(auth);
        assertEquals("openid", q.get("scope"));
        assertEquals("id_token", q.get("response_type"));
        assertEquals("form_post", q.get("response_mode"));
        assertEquals("none", q.get("prompt"));
        assertEquals("tool-123", q.get("client_id"));
        assertEquals(REDIRECT.toString(), q.get("redirect_uri"));
        assertEquals("42", q.get("login_hint"));
        assertEquals(a.state().state(), q.get("state"));
        assertEquals(a.state().expected().nonce(), q.get("nonce"));
        assertEquals(43, q.get("state").length());
        assertEquals(43, q.get("nonce").length());
        assertFalse(q.containsKey("repost"));
        assertEquals(Optional.of("https://lms.example.org"), a.state().platformOrigin());
    }

    @Test
    void stateNonceAndSecretAreFreshEachTime() throws Exception {
        LoginInitiation.Accepted a = initiation().accept(LoginRequest.of(params()));
        LoginInitiation.Accepted b = initiation().accept(LoginRequest.of(params()));
        assertNotEquals(a.state().state(), b.state().state());
        assertNotEquals(a.state().expected().nonce(), b.state().expected().nonce());
        assertNotEquals(a.state().browserSecret(), b.state().browserSecret());
    }

    @Test
    @DisplayName("Moodle's JSON lti_message_hint comes back byte-identical")
    void messageHintRoundTrips() throws Exception {
        String hint = "{\"launchid\":\"ab+c/d=\",\"x\":\"é {}\"}";
        Map<String, String> p = params();
        p.put("lti_message_hint", hint);
        assertEquals(hint, query(initiation().accept(LoginRequest.of(p)).authenticationRequest()).get("lti_message_hint"));
    }

    @Test
    void registeredAuthUrlWithAQueryGetsAmpersands() throws Exception {
        f.platforms.clear();
        f.platforms.add(new RegisteredPlatform(9, new Issuer("https://lms.example.org"), new ClientId("tool-123"),
                URI.create("https://lms.example.org/auth.php?a=1"), Optional.empty(), URI.create("https://lms.example.org/jwks"),
                Set.of(new DeploymentId("dep-1")), true));
        String url = initiation().accept(LoginRequest.of(params())).authenticationRequest().toString();
        assertTrue(url.startsWith("https://lms.example.org/auth.php?a=1&scope=openid&"), url);
    }

    @Test
    @DisplayName("Security Framework §5.1.1.1: iss, login_hint and target_link_uri are required")
    void requiredParameters() {
        for (String name : new String[]{"iss", "login_hint", "target_link_uri"}) {
            Map<String, String> p = params();
            p.remove(name);
            assertRejected(400, "missing_" + name, p);
        }
    }

    @Test
    void unknownIssuerOrClient() {
        Map<String, String> p = params();
        p.put("iss", "https://other.example.org");
        assertRejected(400, "unknown_platform", p);
        p = params();
        p.put("client_id", "nope");
        assertRejected(400, "unknown_platform", p);
    }

    @Test
    void withoutClientIdTheIssuerMustBeUnambiguous() throws Exception {
        Map<String, String> p = params();
        p.remove("client_id");
        initiation().accept(LoginRequest.of(p));
        f.platforms.add(LaunchFixture.platform("https://lms.example.org", "tool-456", true));
        assertRejected(400, "client_id_required", p);
    }

    @Test
    void disabledPlatformOrUnknownDeployment() {
        Map<String, String> p = params();
        p.put("lti_deployment_id", "dep-9");
        assertRejected(403, "unknown_deployment", p);
        f.platforms.clear();
        f.platforms.add(LaunchFixture.platform("https://lms.example.org", "tool-123", false));
        assertRejected(403, "platform_disabled", params());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.org/lti/launch", "//evil.example.org/lti/launch", "javascript:alert(1)",
            "/lti/launch", "https://calibrate.example.org@evil.example.org/", "https://calibrate.example.org.evil.example/",
            "http://calibrate.example.org/lti/launch"})
    @DisplayName("no open redirect: target_link_uri must be this tool")
    void foreignTarget(String target) {
        Map<String, String> p = params();
        p.put("target_link_uri", target);
        assertRejected(400, "foreign_target_link_uri", p);
    }

    @Test
    void oversizedHints() {
        Map<String, String> p = params();
        p.put("login_hint", "x".repeat(5000));
        assertRejected(400, "oversized_parameter", p);
        p = params();
        p.put("lti_message_hint", "x".repeat(5000));
        assertRejected(400, "oversized_parameter", p);
    }
}
