package org.calibrate.it;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LTI Advantage against a faithful platform: dynamic registration, service tokens, NRPS paging,
 * deep linking and grade return through the outbox, with the failures real platforms produce.
 * The registration test runs first: every other test needs the platform it registers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdvantageIT {
    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    @TempDir
    static Path work;
    static CalibrateServer.Running server;
    static ServicesPlatform platform;
    static LtiClient client;

    @BeforeAll
    static void start() throws Exception {
        int port = CalibrateServer.freePort();
        String url = "http://127.0.0.1:" + port;
        platform = new ServicesPlatform(url);
        server = CalibrateServer.startSeparate(null, work, Map.of("PORT", Integer.toString(port),
                "CALIBRATE_GRADES_POLL", "PT0.5S", "CALIBRATE_GRADES_RETRY_BASE", "PT1S"), "it-advantage-server.log");
        client = new LtiClient(server.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static HttpResponse<String> register(String token) throws Exception {
        return client.get("/lti/register?openid_configuration=" + URLEncoder.encode(platform.url() + "/openid-configuration", StandardCharsets.UTF_8)
                + "&registration_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** A whole launch: login, the platform's id_token, the code exchange; returns the session token. */
    private static String session(String userId, String role, String linkId, Map<String, Object> extraClaims) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("login_hint", userId);
        params.put("target_link_uri", server.url() + "/lti/launch");
        params.put("client_id", ServicesPlatform.CLIENT_ID);
        params.put("lti_deployment_id", ServicesPlatform.DEPLOYMENT_ID);
        LtiClient.Login login = client.login(params);
        assertEquals(302, login.response().statusCode(), login.response().body());
        JWTClaimsSet.Builder claims = platform.launchClaims(login.nonce(), userId, role, linkId);
        extraClaims.forEach(claims::claim);
        HttpResponse<String> launch = client.launch(TestPlatform.sign(claims.build(), platform.key()), login.state(), login.cookie());
        return client.session(launch);
    }

    private static JsonObject await(String path, String token, Predicate<JsonObject> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = client.get(path, token);
            assertEquals(200, r.statusCode(), r.body());
            last = json(r.body());
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("not reached in time; last: " + last);
    }

    private static List<JsonObject> items(JsonObject grades) {
        return grades.getJsonArray("items").getValuesAs(JsonObject.class);
    }

    @Test
    @Order(1)
    @DisplayName("Dynamic Registration: an expired token and a configuration whose issuer is on another host are refused, then registration succeeds")
    void registration() throws Exception {
        HttpResponse<String> expired = register("never-issued");
        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("expired"), expired.body());

        platform.issuerOverride = "https://lms.elsewhere.example.org";
        HttpResponse<String> mismatched = register(platform.newRegistrationToken());
        platform.issuerOverride = null;
        assertEquals(400, mismatched.statusCode());
        assertTrue(mismatched.body().contains("is not on the host its configuration came from"), mismatched.body());
        assertTrue(platform.registrations.isEmpty(), "nothing is posted to a platform that failed the checks");

        HttpResponse<String> ok = register(platform.newRegistrationToken());
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("Calibrate is registered"));
        assertTrue(ok.body().contains("lti-registration-close"), "the page can close the LMS's registration frame");
        JsonObject sent = platform.registrations.get(0);
        assertEquals(server.url() + "/lti/jwks", sent.getString("jwks_uri"));
        assertEquals("private_key_jwt", sent.getString("token_endpoint_auth_method"));
        assertEquals(List.of(server.url() + "/lti/launch"), sent.getJsonArray("redirect_uris").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        JsonObject tool = sent.getJsonObject("https://purl.imsglobal.org/spec/lti-tool-configuration");
        assertEquals(URI.create(server.url()).getAuthority(), tool.getString("domain"));
        assertTrue(tool.getJsonArray("claims").toString().contains("email"));
        assertTrue(sent.getString("scope").contains("contextmembership.readonly"));
        assertFalse(sent.getString("scope").contains("lineitem.readonly"), "only scopes the platform lists are asked for");

        HttpResponse<String> again = register(platform.newRegistrationToken());
        assertTrue(again.body().contains("registration is updated"), again.body());
    }

    @Test
    @Order(2)
    @DisplayName("a re-registration updates the one registration; the admin sees it with its deployment")
    void oneRegistrationPerClient() throws Exception {
        String admin = session("adm-1", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", "link-a", Map.of());
        JsonObject overview = json(client.get("/api/admin/platforms", admin).body());
        List<JsonObject> mine = overview.getJsonArray("platforms").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals(platform.issuer())).toList();
        assertEquals(1, mine.size());
        assertEquals("dynamic", mine.get(0).getString("source"));
        assertEquals(List.of(Json.createValue(ServicesPlatform.DEPLOYMENT_ID)), mine.get(0).getJsonArray("deployment_ids"));
        assertEquals("moodle", mine.get(0).getString("product_family"));
        assertTrue(mine.get(0).get("last_launch") instanceof JsonObject, "the admin's own launch is listed");
    }

    @Test
    @Order(3)
    @DisplayName("NRPS: 5,000 members over several pages; teachers listed, learners only counted")
    void largeRosterPages() throws Exception {
        platform.members = 5000;
        String teacher = session("m-0", INSTRUCTOR, "link-roster", Map.of());
        HttpResponse<String> sync = client.postJson("/api/course/roster/sync", "", teacher);
        assertEquals(200, sync.statusCode(), sync.body());
        JsonObject roster = json(sync.body());
        assertEquals(5000, roster.getInt("members_read"));
        assertTrue(roster.getInt("pages") >= 10, "paged with limit: " + roster);
        assertEquals(3, roster.getJsonArray("teachers").size());
        assertEquals(4997, roster.getInt("learner_count"));
        assertFalse(sync.body().contains("Learner 17"), "learners' names are not sent to the browser");
    }

    @Test
    @Order(4)
    @DisplayName("token endpoint 401 or 500, and NRPS 403, end in a clear error, not a partial roster")
    void serviceFailures() throws Exception {
        String teacher = session("m-1", INSTRUCTOR, "link-roster", Map.of());
        platform.nrpsStatus = 403;
        HttpResponse<String> forbidden = client.postJson("/api/course/roster/sync", "", teacher);
        platform.nrpsStatus = 200;
        assertEquals(502, forbidden.statusCode());
        assertTrue(forbidden.body().contains("Names and Role Provisioning"), forbidden.body());


        // A placement of its own: no line item yet, so the first send asks the token endpoint for a new scope set.
        String owner = session("m-0", INSTRUCTOR, "link-failing", Map.of());
        platform.tokenStatus = 401;
        assertEquals(202, client.postJson("/api/placement/grades", "{\"user_id\":\"m-10\",\"score_given\":5}", owner).statusCode(),
                "the score is stored whatever the platform does");
        JsonObject failed = await("/api/placement/grades", owner, g -> items(g).stream().anyMatch(i -> i.getString("state").equals("failed")));
        JsonObject item = items(failed).get(0);
        assertTrue(item.getString("last_error").contains("did not accept the tool's client assertion"), item.toString());

        platform.tokenStatus = 500;
        assertEquals(202, client.postJson("/api/placement/grades", "{\"user_id\":\"m-11\",\"score_given\":6}", owner).statusCode());
        JsonObject waiting = await("/api/placement/grades", owner, g -> items(g).stream()
                .anyMatch(i -> i.getString("user_id").equals("m-11") && i.getInt("attempts") >= 1));
        JsonObject pending = items(waiting).stream().filter(i -> i.getString("user_id").equals("m-11")).findFirst().orElseThrow();
        assertEquals("pending", pending.getString("state"), "a 500 is worth another try");
        assertTrue(pending.getString("last_error").contains("500"), pending.toString());

        platform.tokenStatus = 200;
        HttpResponse<String> retry = client.postJson("/api/placement/grades/" + item.getInt("id") + "/retry",
                "{\"version\":" + item.getInt("version") + "}", owner);
        assertEquals(200, retry.statusCode(), retry.body());
        await("/api/placement/grades", owner, g -> items(g).stream().allMatch(i -> i.getString("state").equals("sent")));
        assertEquals(1, platform.accepted("m-10"));
        assertEquals(1, platform.accepted("m-11"));
    }

    @Test
    @Order(5)
    @DisplayName("Deep Linking: the response JWT is signed by the tool for the platform, with the placement and its line item")
    void deepLinking() throws Exception {
        String data = "platform-data-1";
        Map<String, Object> dl = Map.of(
                "https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest",
                "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                        "deep_link_return_url", platform.url() + "/deep-link-return",
                        "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("iframe"),
                        "data", data));
        Map<String, Object> claims = new LinkedHashMap<>(dl);
        String teacher = session("m-2", INSTRUCTOR, "unused", claims);
        JsonObject me = json(client.get("/api/me", teacher).body());
        assertEquals("deep_linking", me.getString("purpose"));
        assertTrue(me.getJsonObject("deep_linking").getBoolean("line_item"));

        HttpResponse<String> bad = client.postJson("/api/deep-linking/response", "{\"title\":\"\"}", teacher);
        assertEquals(400, bad.statusCode());
        HttpResponse<String> r = client.postJson("/api/deep-linking/response",
                "{\"title\":\"Argument essay round\",\"description\":\"Year 10\",\"score_maximum\":24}", teacher);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject form = json(r.body());
        assertEquals(platform.url() + "/deep-link-return", form.getString("action"));
        SignedJWT jwt = SignedJWT.parse(form.getJsonObject("fields").getString("JWT"));
        RSAKey toolKey = (RSAKey) JWKSet.load(new URL(server.url() + "/lti/jwks")).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(toolKey)));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(ServicesPlatform.CLIENT_ID, c.getIssuer());
        assertEquals(List.of(platform.issuer()), c.getAudience());
        assertEquals("LtiDeepLinkingResponse", c.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"));
        assertEquals(ServicesPlatform.DEPLOYMENT_ID, c.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"));
        assertEquals(data, c.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"));
        assertTrue(c.getIssueTime().toInstant().isBefore(Instant.now()), "iat back-dated for platforms with no leeway");
        assertTrue(c.getExpirationTime().toInstant().isAfter(Instant.now().plusSeconds(60)));
        assertTrue(c.getClaim("nonce") instanceof String);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) c.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items").get(0);
        assertEquals("ltiResourceLink", item.get("type"));
        assertEquals(server.url() + "/lti/launch", item.get("url"));
        @SuppressWarnings("unchecked")
        Map<String, Object> lineItem = (Map<String, Object>) item.get("lineItem");
        assertEquals(24.0, ((Number) lineItem.get("scoreMaximum")).doubleValue());
        @SuppressWarnings("unchecked")
        String placementId = ((Map<String, Object>) item.get("custom")).get("calibrate_placement").toString();
        assertEquals(placementId, form.getString("placement_id"));

        assertEquals(409, client.postJson("/api/deep-linking/response", "{\"title\":\"again\"}", teacher).statusCode(),
                "a request is answered once");

        // The LMS creates the activity; its first launch carries the custom parameter back.
        String launched = session("m-2", INSTRUCTOR, "link-from-dl",
                Map.of("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("calibrate_placement", placementId)));
        JsonObject placement = json(client.get("/api/me", launched).body()).getJsonObject("placement");
        assertEquals(placementId, placement.getString("id"));
        assertEquals("Argument essay round", placement.getString("title"));
        assertEquals(24.0, placement.getJsonNumber("score_maximum").doubleValue());
    }

    @Test
    @Order(6)
    @DisplayName("AGS: a 429 with Retry-After is waited out, and the score arrives once")
    void rateLimited() throws Exception {
        String teacher = session("m-0", INSTRUCTOR, "link-grades", Map.of());
        platform.rateLimited.set(1);
        HttpResponse<String> queued = client.postJson("/api/placement/grades", "{\"user_id\":\"m-20\",\"score_given\":7,\"comment\":\"Clear claim.\"}", teacher);
        assertEquals(202, queued.statusCode(), queued.body());
        JsonObject done = await("/api/placement/grades", teacher, g -> items(g).stream()
                .anyMatch(i -> i.getString("user_id").equals("m-20") && i.getString("state").equals("sent")));
        JsonObject item = items(done).stream().filter(i -> i.getString("user_id").equals("m-20")).findFirst().orElseThrow();
        assertEquals(2, item.getInt("attempts"));
        assertEquals(1, platform.accepted("m-20"));
        assertTrue(done.getBoolean("line_item"), "the line item was created and kept");
    }

    @Test
    @Order(7)
    @DisplayName("AGS down for a while: scores wait in the outbox with the reason, then each arrives exactly once")
    void outboxDrainsOnce() throws Exception {
        String teacher = session("m-0", INSTRUCTOR, "link-grades", Map.of());
        platform.agsDown = true;
        for (String learner : List.of("m-30", "m-31", "m-32")) {
            assertEquals(202, client.postJson("/api/placement/grades", "{\"user_id\":\"" + learner + "\",\"score_given\":4}", teacher).statusCode());
        }
        JsonObject waiting = await("/api/placement/grades", teacher, g -> items(g).stream()
                .filter(i -> i.getString("user_id").startsWith("m-3")).allMatch(i -> i.getInt("attempts") >= 1));
        items(waiting).stream().filter(i -> i.getString("user_id").startsWith("m-3")).forEach(i -> {
            assertEquals("pending", i.getString("state"));
            assertTrue(i.getString("last_error").contains("503"), i.toString());
        });
        platform.agsDown = false;
        await("/api/placement/grades", teacher, g -> items(g).stream()
                .filter(i -> i.getString("user_id").startsWith("m-3")).allMatch(i -> i.getString("state").equals("sent")));
        Thread.sleep(2000);
        for (String learner : List.of("m-30", "m-31", "m-32")) {
            assertEquals(1, platform.accepted(learner), learner + " scored exactly once");
        }
    }

    @Test
    @Order(8)
    @DisplayName("grade return: only the placement's owner or an admin; only learners of the roster; a learner gets no session")
    void gradeReturnIsGuarded() throws Exception {
        String owner = session("m-0", INSTRUCTOR, "link-grades", Map.of());
        assertEquals(400, client.postJson("/api/placement/grades", "{\"user_id\":\"m-1\",\"score_given\":3}", owner).statusCode(),
                "a teacher is not a learner to grade");
        assertEquals(400, client.postJson("/api/placement/grades", "{\"user_id\":\"m-40\",\"score_given\":1000}", owner).statusCode());
        String other = session("m-1", INSTRUCTOR, "link-grades", Map.of());
        HttpResponse<String> forbidden = client.get("/api/placement/grades", other);
        assertEquals(403, forbidden.statusCode());
        assertFalse(forbidden.body().contains("m-20"), "no learner ids in the refusal");
        assertEquals(401, client.get("/api/placement/grades", null).statusCode());
    }

    @Test
    @Order(9)
    @DisplayName("admin API: add a platform by hand, edit it with its version, switch it off; teachers are refused")
    void adminPlatformEdits() throws Exception {
        String admin = session("adm-1", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", "link-a", Map.of());
        String body = "{\"name\":\"District Canvas\",\"issuer\":\"https://canvas.instructure.com\",\"client_id\":\"10000000000042\","
                + "\"auth_login_url\":\"https://sso.canvaslms.com/api/lti/authorize_redirect\",\"auth_token_url\":\"https://sso.canvaslms.com/login/oauth2/token\","
                + "\"key_set_url\":\"https://sso.canvaslms.com/api/lti/security/jwks\",\"deployment_ids\":[\"1:abc\"]";
        HttpResponse<String> added = client.postJson("/api/admin/platforms", body + "}", admin);
        assertEquals(201, added.statusCode(), added.body());
        JsonObject p = json(added.body());
        assertEquals("manual", p.getString("source"));
        assertEquals(409, client.postJson("/api/admin/platforms", body + "}", admin).statusCode(), "no second registration for one issuer and client id");
        assertEquals(400, client.postJson("/api/admin/platforms", "{\"issuer\":\"http://canvas.example.org\"}", admin).statusCode());

        String edit = body.replace("[\"1:abc\"]", "[\"1:abc\",\"2:def\"]");
        HttpResponse<String> stale = client.send("PUT", "/api/admin/platforms/" + p.getInt("id"), edit + ",\"version\":" + (p.getInt("version") + 7) + "}", admin);
        assertEquals(409, stale.statusCode(), "an edit made on an old version is refused: " + stale.body());
        HttpResponse<String> edited = client.send("PUT", "/api/admin/platforms/" + p.getInt("id"), edit + ",\"version\":" + p.getInt("version") + "}", admin);
        assertEquals(200, edited.statusCode(), edited.body());
        JsonObject after = json(edited.body());
        assertEquals(2, after.getJsonArray("deployment_ids").size());

        HttpResponse<String> off = client.postJson("/api/admin/platforms/" + p.getInt("id") + "/enabled",
                "{\"enabled\":false,\"version\":" + after.getInt("version") + "}", admin);
        assertEquals(200, off.statusCode(), off.body());
        assertFalse(json(off.body()).getBoolean("enabled"));

        String teacher = session("m-0", INSTRUCTOR, "link-roster", Map.of());
        assertEquals(403, client.postJson("/api/admin/platforms", body + "}", teacher).statusCode());
        assertEquals(403, client.get("/api/admin/tool-configuration", teacher).statusCode());
        JsonObject install = json(client.get("/api/admin/tool-configuration", admin).body());
        assertEquals(server.url() + "/lti/register", install.getString("registration_url"));
        assertEquals(server.url() + "/lti/login", install.getJsonObject("canvas_developer_key").getString("oidc_initiation_url"));
    }
}
