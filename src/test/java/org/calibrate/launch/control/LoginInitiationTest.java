package org.calibrate.launch.control;

import org.calibrate.launch.control.LoginInitiation.Accepted;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.calibrate.launch.control.LaunchFixture.CLIENT_ID;
import static org.calibrate.launch.control.LaunchFixture.ISSUER;
import static org.calibrate.launch.control.LaunchFixture.TARGET;
import static org.calibrate.launch.control.LaunchFixture.TOOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OIDC third-party initiated login (Security Framework §5.1.1): what is refused, and the request we send back. */
class LoginInitiationTest {
    private static final URI REDIRECT = URI.create("https://calibrate.example.org/lti/launch");
    private static final String AUTH = ISSUER + "/mod/lti/auth.php";
    private final LaunchFixture f = new LaunchFixture();

    /** What Moodle 5.1 posts: exactly these six parameters. */
    private static Map<String, String> moodleLogin() {
        Map<String, String> p = new HashMap<>();
        p.put("iss", ISSUER);
        p.put("target_link_uri", TARGET);
        p.put("login_hint", "7");
        p.put("lti_message_hint", "{\"launchid\":\"ltilaunch1_1234\"}");
        p.put("client_id", CLIENT_ID);
        p.put("lti_deployment_id", "dep-1");
        return p;
    }

    private Accepted accept(Map<String, String> params) throws LaunchRejected {
        return new LoginInitiation(f.directory(), TOOL, REDIRECT).accept(LoginRequest.of(params));
    }

    private void assertRejected(int status, String code, Map<String, String> params) {
        LaunchRejected e = assertThrows(LaunchRejected.class, () -> accept(params));
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(status, e.status(), e::getMessage);
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> p = moodleLogin();
        p.put(name, value);
        return p;
    }

    private static Map<String, String> without(String name) {
        Map<String, String> p = moodleLogin();
        p.remove(name);
        return p;
    }

    /** The query of the authentication request, decoded one parameter at a time; every name listed with all its values. */
    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            q.computeIfAbsent(name, k -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        assertTrue(values != null && values.size() == 1, () -> name + " must appear exactly once, found " + values);
        return values.get(0);
    }

    // ---- refusals ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"iss", "login_hint", "target_link_uri"})
    @DisplayName("Security Framework §5.1.1.1: iss, login_hint and target_link_uri are required")
    void requiredParameter(String name) {
        assertRejected(400, "missing_" + name, without(name));
    }

    @Test
    @DisplayName("an issuer without registration is refused")
    void unknownIssuer() {
        assertRejected(400, "unknown_platform", with("iss", "https://other-lms.example.org"));
    }

    @Test
    @DisplayName("a client_id not registered for the issuer is refused")
    void unknownClientId() {
        assertRejected(400, "unknown_platform", with("client_id", "tool-999"));
    }

    @Test
    @DisplayName("without client_id, two registrations on one issuer (Moodle: one per tool type) are ambiguous")
    void clientIdRequiredWhenTheIssuerIsAmbiguous() {
        f.registrations.add(LaunchFixture.platform(2, ISSUER, "tool-456", URI.create(AUTH), true));
        assertRejected(400, "client_id_required", without("client_id"));
    }

    @Test
    @DisplayName("without client_id, the issuer's only registration is used")
    void clientIdOptionalWhenTheIssuerHasOneRegistration() throws Exception {
        Accepted a = accept(without("client_id"));
        assertEquals(CLIENT_ID, a.state().clientId().value());
        assertEquals(CLIENT_ID, single(query(a.authenticationRequest()), "client_id"));
    }

    @Test
    @DisplayName("a disabled registration is refused with 403")
    void disabledPlatform() {
        f.registrations.set(0, LaunchFixture.disabled(f.platform));
        assertRejected(403, "platform_disabled", moodleLogin());
    }

    @Test
    @DisplayName("LTI Core §5.1.1: an lti_deployment_id not registered for the platform is refused with 403")
    void unknownDeployment() {
        assertRejected(403, "unknown_deployment", with("lti_deployment_id", "dep-2"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://evil.example/lti/launch",
            "//evil.example/lti/launch",
            "javascript:alert(1)",
            "/lti/launch",
            "https://calibrate.example.org@evil.example/lti/launch",
            "https://user@calibrate.example.org/lti/launch"})
    @DisplayName("OIDC Core §4: target_link_uri must be this tool, or login becomes an open redirect")
    void foreignTargetLinkUri(String target) {
        assertRejected(400, "foreign_target_link_uri", with("target_link_uri", target));
    }

    @Test
    @DisplayName("a login_hint longer than 4096 characters is refused")
    void oversizedLoginHint() {
        assertRejected(400, "oversized_parameter", with("login_hint", "7".repeat(4097)));
    }

    @Test
    @DisplayName("an overlong client_id or lti_deployment_id is a bad request, not a server error")
    void overlongIdentifiers() {
        for (String name : List.of("client_id", "lti_deployment_id")) {
            LaunchRejected e = assertThrows(LaunchRejected.class, () -> accept(with(name, "c".repeat(600))));
            assertEquals(400, e.status(), e::getMessage);
            assertEquals("oversized_parameter", e.code());
        }
    }

    @Test
    @DisplayName("a blank client_id or lti_deployment_id counts as absent (platforms send empty optional parameters)")
    void blankOptionalIdentifiersCountAsAbsent() throws Exception {
        assertTrue(accept(with("client_id", "   ")).authenticationRequest().toString().contains("client_id=tool-123"));
        accept(with("lti_deployment_id", " "));
    }

    // ---- the authentication request (Security Framework §5.1.1.2, OIDC Core §3.1.2.1) ------------

    @Test
    @DisplayName("Security Framework §5.1.1.2: the authentication request goes to the registered auth_login_url")
    void authenticationRequestGoesToTheRegisteredUrl() throws Exception {
        assertTrue(accept(moodleLogin()).authenticationRequest().toString().startsWith(AUTH + "?"));
    }

    @Test
    @DisplayName("a registered auth_login_url with a query keeps it and continues with &")
    void authLoginUrlWithAQuery() throws Exception {
        f.registrations.set(0, LaunchFixture.platform(1, ISSUER, CLIENT_ID, URI.create(AUTH + "?a=1"), true));
        URI auth = accept(moodleLogin()).authenticationRequest();
        assertTrue(auth.toString().startsWith(AUTH + "?a=1&"), auth::toString);
        assertEquals("1", single(query(auth), "a"));
        assertEquals("openid", single(query(auth), "scope"));
    }

    @Test
    @DisplayName("Security Framework §5.1.1.2: scope, response_type, response_mode, prompt, client_id, redirect_uri, login_hint")
    void authenticationRequestParameters() throws Exception {
        Map<String, List<String>> q = query(accept(moodleLogin()).authenticationRequest());
        assertEquals("openid", single(q, "scope"));
        assertEquals("id_token", single(q, "response_type"));
        assertEquals("form_post", single(q, "response_mode"));
        assertEquals("none", single(q, "prompt"));
        assertEquals(CLIENT_ID, single(q, "client_id"));
        assertEquals(REDIRECT.toString(), single(q, "redirect_uri"));
        assertEquals("7", single(q, "login_hint"));
    }

    @Test
    @DisplayName("OIDC Core §3.1.2.1: state and nonce are 256-bit random values, the ones remembered for the launch")
    void stateAndNonce() throws Exception {
        Accepted a = accept(moodleLogin());
        Map<String, List<String>> q = query(a.authenticationRequest());
        String state = single(q, "state");
        String nonce = single(q, "nonce");
        assertTrue(state.matches("[A-Za-z0-9_-]{43}"), state);
        assertTrue(nonce.matches("[A-Za-z0-9_-]{43}"), nonce);
        assertNotEquals(state, nonce);
        assertEquals(a.state().state(), state);
        assertEquals(a.state().expected().nonce(), nonce);
        assertEquals(ISSUER, a.state().issuer().value());
        assertEquals(TARGET, a.state().expected().targetLinkUri());
    }

    @Test
    @DisplayName("state, nonce and browser secret differ on every login")
    void freshValuesEachLogin() throws Exception {
        Accepted a = accept(moodleLogin());
        Accepted b = accept(moodleLogin());
        assertNotEquals(a.state().state(), b.state().state());
        assertNotEquals(a.state().expected().nonce(), b.state().expected().nonce());
        assertNotEquals(a.state().browserSecret(), b.state().browserSecret());
    }

    @Test
    @DisplayName("Moodle's JSON lti_message_hint comes back byte-identical")
    void messageHintIsByteIdentical() throws Exception {
        String hint = "{\"launchid\":\"ab+c/d=\",\"x\":\"é {}\"}";
        Map<String, List<String>> q = query(accept(with("lti_message_hint", hint)).authenticationRequest());
        assertEquals(hint, single(q, "lti_message_hint"));
    }

    @Test
    @DisplayName("no parameter named repost is sent to Moodle's auth.php (LTI notes)")
    void noRepost() throws Exception {
        assertFalse(query(accept(moodleLogin()).authenticationRequest()).containsKey("repost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "login_hint", "target_link_uri", "lti_message_hint", "client_id", "lti_deployment_id"})
    @DisplayName("a NUL in any login parameter is refused before any lookup")
    void nulInAParameter(String name) {
        assertRejected(400, "malformed_parameter", with(name, "x\u0000y"));
    }
}
