package org.calibrate.it;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Launches that must work, as Moodle sends them, and what each role gets afterwards. */
@ExtendWith(CalibrateServer.class)
class LaunchIT {
    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";
    private static CalibrateServer.Running server;
    private static TestPlatform platform;
    private static LtiClient client;

    @BeforeAll
    static void setUp() throws Exception {
        server = CalibrateServer.get();
        platform = server.platform();
        client = new LtiClient(server.url());
    }

    private static HttpResponse<String> launchAs(String role) throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), role).build();
        return client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie());
    }

    @Test
    void loginRedirectsToTheRegisteredAuthEndpointWithTheOidcParameters() throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        assertEquals(302, login.response().statusCode());
        assertTrue(login.response().headers().firstValue("Location").orElseThrow().startsWith(platform.url() + "/auth?"));
        Map<String, String> auth = login.authRequest();
        assertEquals("openid", auth.get("scope"));
        assertEquals("id_token", auth.get("response_type"));
        assertEquals("form_post", auth.get("response_mode"));
        assertEquals("none", auth.get("prompt"));
        assertEquals(TestPlatform.CLIENT_ID, auth.get("client_id"));
        assertEquals(server.url() + "/lti/launch", auth.get("redirect_uri"));
        assertEquals("user-42", auth.get("login_hint"));
        assertEquals("{\"launchid\":\"abc\"}", auth.get("lti_message_hint"), "Moodle's JSON hint comes back byte-identical");
        assertFalse(auth.containsKey("repost"));
        assertTrue(auth.get("state").length() >= 43 && auth.get("nonce").length() >= 43, "256-bit state and nonce");
        String cookie = LtiClient.setCookies(login.response()).get(0);
        assertTrue(cookie.contains("SameSite=None") && cookie.contains("Secure") && cookie.contains("Partitioned")
                && cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void moodleLoginIsAPostWithExactlyItsSixParameters() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("iss", platform.issuer());
        p.put("target_link_uri", server.url() + "/lti/launch");
        p.put("login_hint", "2");
        p.put("lti_message_hint", "{\"launchid\":\"ltilaunch1_1234567890\"}");
        p.put("client_id", TestPlatform.CLIENT_ID);
        p.put("lti_deployment_id", TestPlatform.DEPLOYMENT_ID);
        assertEquals(302, client.login(p).response().statusCode());
    }

    @Test
    void loginByGetWorksToo() throws Exception {
        String query = LtiClient.encode(Map.of("iss", platform.issuer(), "login_hint", "u",
                "target_link_uri", server.url() + "/lti/launch", "client_id", TestPlatform.CLIENT_ID));
        HttpResponse<String> r = client.get("/lti/login?" + query, null);
        assertEquals(302, r.statusCode());
    }

    @Test
    void instructorLaunchOpensTheAppWithASession() throws Exception {
        HttpResponse<String> r = launchAs(LIS + "membership#Instructor");
        assertEquals(303, r.statusCode(), r::body);
        String token = client.session(r);
        HttpResponse<String> me = client.get("/api/me", token);
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"tool_role\":\"teacher\""), me.body());
        assertTrue(me.body().contains("\"title\":\"History 10\""), me.body());
        assertTrue(me.body().contains("\"name\":\"Dana Teacher\""), me.body());
        assertEquals(403, client.get("/api/admin/keys", token).statusCode(), "teachers are not admins");
    }

    @Test
    void teachingAssistantIsATeacher() throws Exception {
        HttpResponse<String> r = launchAs(LIS + "membership/Instructor#TeachingAssistant");
        assertTrue(client.get("/api/me", client.session(r)).body().contains("\"tool_role\":\"teacher\""));
    }

    @Test
    void administratorGetsTheAdminRole() throws Exception {
        HttpResponse<String> r = launchAs(LIS + "institution/person#Administrator");
        String token = client.session(r);
        assertTrue(client.get("/api/me", token).body().contains("\"tool_role\":\"admin\""));
        assertEquals(200, client.get("/api/admin/platforms", token).statusCode());
    }

    @Test
    void learnerGetsAFriendlyPageAndNoSession() throws Exception {
        HttpResponse<String> r = launchAs(LIS + "membership#Learner");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Calibrate is for your teachers"), r.body());
        assertFalse(r.headers().firstValue("Location").isPresent());
        assertFalse(r.body().contains("#launch="));
    }

    @Test
    void aLaunchCodeWorksOnce() throws Exception {
        HttpResponse<String> r = launchAs(LIS + "membership#Instructor");
        client.session(r);
        String location = r.headers().firstValue("Location").orElseThrow();
        String code = location.substring(location.indexOf("#launch=") + 8);
        HttpResponse<String> again = client.postJson("/api/session", "{\"code\":\"" + code + "\"}", null);
        assertEquals(401, again.statusCode());
        assertTrue(again.body().contains("invalid_code"));
    }

    @Test
    void theApiRefusesCallsWithoutAValidSession() throws Exception {
        assertEquals(401, client.get("/api/me", null).statusCode());
        assertEquals(401, client.get("/api/me", "not-a-token").statusCode());
        HttpResponse<String> r = launchAs(LIS + "membership#Instructor");
        String token = client.session(r);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertEquals(401, client.get("/api/me", forged).statusCode());
        String tokenOfTheTestPlatform = TestPlatform.sign(new JWTClaimsSet.Builder().subject("x").build(), platform.key());
        assertEquals(401, client.get("/api/admin/keys", tokenOfTheTestPlatform).statusCode());
    }

    @Test
    void parallelFirstLaunchesOfOnePersonAllSucceed() throws Exception {
        String subject = "parallel-" + System.nanoTime();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
                    JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), LIS + "membership#Instructor")
                            .subject(subject).build();
                    return client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie()).statusCode();
                }));
            }
            for (var r : results) {
                assertEquals(303, r.get(), "two tabs launching at once must both get in");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSecondRegistrationOfAnIssuerLaunchesOnItsOwnClientId() throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.OTHER_CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), LIS + "membership#Instructor")
                .audience(TestPlatform.OTHER_CLIENT_ID).build();
        assertEquals(303, client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie()).statusCode());
    }

    @Test
    void moodleShortRoleNamesAndSortedArraysWork() throws Exception {
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), "Instructor")
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(LIS + "institution/person#Instructor", "Instructor"))
                .build();
        HttpResponse<String> r = client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie());
        assertEquals(303, r.statusCode(), r::body);
    }

    @Test
    @DisplayName("the platform rotates its key: an unknown kid makes Calibrate fetch the key set again")
    void platformKeyRotationIsPickedUp() throws Exception {
        String issuer = platform.url() + "/rotating";
        assertEquals(303, launchFrom(issuer, platform.key()).statusCode(), "key set cached with the first key");
        HttpResponse<String> r = launchFrom(issuer, platform.rotate());
        assertEquals(303, r.statusCode(), r::body);
    }

    private static HttpResponse<String> launchFrom(String issuer, com.nimbusds.jose.jwk.RSAKey key) throws Exception {
        LtiClient.Login login = client.login(issuer, TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), LIS + "membership#Instructor").issuer(issuer).build();
        return client.launch(TestPlatform.sign(claims, key), login.state(), login.cookie());
    }

    /** A platform-storage launch without cookie, up to the page that asks the platform for the stored secret. */
    private record StorageLaunch(String storedValue, String storageKey, HttpResponse<String> check) {
        String ticket() {
            return attribute(check.body(), "value");
        }
    }

    /** A login from a platform that offers LTI platform storage through the given frame. */
    private static Map<String, String> storageLogin(String storageTarget) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("iss", platform.issuer());
        p.put("login_hint", "u");
        p.put("target_link_uri", server.url() + "/lti/launch");
        p.put("client_id", TestPlatform.CLIENT_ID);
        p.put("lti_storage_target", storageTarget);
        return p;
    }

    private static StorageLaunch storageLaunch() throws Exception {
        Map<String, String> p = storageLogin("post_message_forwarding");
        HttpResponse<String> page = client.login(p).response();
        Map<String, String> request = LtiClient.query(java.net.URI.create(attribute(page.body(), "data-auth-url")).getRawQuery());
        JWTClaimsSet claims = platform.launchClaims(request.get("nonce"), server.url(), LIS + "membership#Instructor").build();
        HttpResponse<String> check = client.launch(TestPlatform.sign(claims, platform.key()), request.get("state"), null);
        return new StorageLaunch(attribute(page.body(), "data-storage-value"), attribute(page.body(), "data-storage-key"), check);
    }

    @Test
    @DisplayName("platform storage: without the cookie, the launch is confirmed by the secret read back from the platform")
    void platformStorageLaunch() throws Exception {
        StorageLaunch launch = storageLaunch();
        assertEquals(200, launch.check().statusCode(), launch.check().body());
        assertEquals(launch.storageKey(), attribute(launch.check().body(), "data-storage-key"), "the launch asks the platform for the login's key");
        HttpResponse<String> confirmed = client.post("/lti/launch/storage",
                Map.of("ticket", launch.ticket(), "value", launch.storedValue()), null);
        assertEquals(303, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.headers().firstValue("Location").orElseThrow().contains("#launch="));
    }

    @Test
    @DisplayName("platform storage: a wrong value is refused, and the ticket is spent")
    void platformStorageWrongValue() throws Exception {
        StorageLaunch launch = storageLaunch();
        assertEquals(401, client.post("/lti/launch/storage", Map.of("ticket", launch.ticket(), "value", "wrong"), null).statusCode());
        assertEquals(401, client.post("/lti/launch/storage", Map.of("ticket", launch.ticket(), "value", launch.storedValue()), null).statusCode(),
                "a ticket works once, even after a wrong value");
    }

    private static String attribute(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + html);
        }
        return org.jsoup.parser.Parser.unescapeEntities(m.group(1), true);
    }

    @Test
    void inACrossSiteFrameTheLoginChecksCookiesBeforeLeaving() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String form = LtiClient.encode(Map.of("iss", platform.issuer(), "login_hint", "u",
                "target_link_uri", server.url() + "/lti/launch", "client_id", TestPlatform.CLIENT_ID));
        HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/lti/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Dest", "iframe")
                .header("Sec-Fetch-Site", "cross-site").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"lti-login\""), "a checking page, not a redirect");
        assertTrue(r.body().contains("Open Calibrate in a new window"), "with the fallback ready");
        assertTrue(r.body().contains("data-auth-url=\"" + platform.url() + "/auth?"));
    }

    @Test
    void withPlatformStorageTheLoginStoresItsSecretThroughThePlatform() throws Exception {
        Map<String, String> p = storageLogin("_parent");
        HttpResponse<String> r = client.login(p).response();
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("data-storage-target=\"_parent\""), r.body());
        assertTrue(r.body().contains("data-platform-origin=\"" + platform.url() + "\""), r.body());
    }
}
