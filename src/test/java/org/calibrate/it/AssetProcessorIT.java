package org.calibrate.it;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Intake through the LTI Asset Processor against a platform that implements it as Canvas does: the department head
 * registers Calibrate's notice handler, the platform posts signed submission notices, every notice is checked on its
 * own, and an import fetches each student's latest files with a service token — once, whatever is sent again.
 */
class AssetProcessorIT {
    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    @TempDir
    static Path work;
    static TestPlatform platform;
    static AssetService assets;
    static CalibrateServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        platform = new TestPlatform();
        Path config = Files.createDirectories(work.resolve("lti-config/platforms"));
        for (Map.Entry<String, String> f : platform.platformFiles().entrySet()) {
            Files.writeString(config.resolve(f.getKey()), f.getValue());
        }
        int port = CalibrateServer.freePort();
        assets = new AssetService(platform, "http://127.0.0.1:" + port);
        server = CalibrateServer.startSeparate(platform, work, Map.of("PORT", Integer.toString(port), "CALIBRATE_INTAKE_POLL", "PT0.3S",
                "CALIBRATE_DATA_KEY", "c2VjcmV0LWtleS1mb3ItdGhlLXRlc3RzLW9ubHktMzI="), "it-asset-processor-server.log"); // test fixture key
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

    private static String session(String subject) throws Exception {
        return session(subject, INSTRUCTOR);
    }

    private static String session(String subject, String role) throws Exception {
        LtiClient client = new LtiClient(server.url());
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), role).subject(subject)
                .claim("https://purl.imsglobal.org/spec/lti/claim/platformnotificationservice", assets.noticeServiceClaim()).build();
        return client.session(client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie()));
    }

    @Test
    @DisplayName("Canvas's ActivityAssetProcessor placement: a deep linking request for an ltiAssetProcessor is answered with one")
    void attachAsProcessor() throws Exception {
        LtiClient client = new LtiClient(server.url());
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), INSTRUCTOR).subject("ap-teacher")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", null)
                .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                        "deep_link_return_url", platform.url() + "/deep-link-return", "accept_types", List.of("ltiAssetProcessor"),
                        "accept_presentation_document_targets", List.of("iframe"), "data", "ap-data")).build();
        String teacher = client.session(client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie()));
        Api api = new Api(client);
        JsonObject me = api.get("/api/me", teacher).expect(200).json().getJsonObject("deep_linking");
        assertTrue(me.getBoolean("processor"), me.toString());
        assertFalse(me.getBoolean("line_item"), "no gradebook column for a processor");
        JsonObject form = api.post("/api/deep-linking/response", "{\"title\":\"Calibrate moderation\"}", teacher).expect(200).json();
        JWTClaimsSet response = com.nimbusds.jwt.SignedJWT.parse(form.getJsonObject("fields").getString("JWT")).getJWTClaimsSet();
        assertEquals(List.of(Map.of("type", "ltiAssetProcessor", "title", "Calibrate moderation")),
                response.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items"));
        assertEquals("ap-data", response.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"));
    }

    private static byte[] text(String words) {
        return words.getBytes(StandardCharsets.UTF_8);
    }

    private static String notice(String id, String user, String activity, int attempt, Instant at, Map<String, Object> file) {
        return assets.sign(assets.submissionNotice(id, user, activity, attempt, at, List.of(file)).build());
    }

    private static Map<String, JsonObject> byPosition(JsonObject detail) {
        Map<String, JsonObject> items = new java.util.TreeMap<>();
        detail.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> items.put(Integer.toString(i.getInt("position")), i));
        return items;
    }

    @Test
    @DisplayName("handler registered; notices checked one by one and kept once; the import takes each student's latest files, then resumes after an outage")
    void assetProcessorIntake() throws Exception {
        Api api = new Api(new LtiClient(server.url()));
        String head = session("ap-head");
        String rubric = api.get("/api/rubrics", head).expect(200).json().getJsonArray("rubrics").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("family").equals("ny-short-response-2-point")).findFirst().orElseThrow().getString("id");
        String round = api.post("/api/rounds", "{\"title\":\"Submitted essays\",\"rubric_id\":" + Api.q(rubric) + "}", head).expect(201).json().getString("id");
        String base = "/api/rounds/" + round + "/imports/assets";
        JsonObject state = api.get(base, head).expect(200).json();
        assertTrue(state.getBoolean("offered"), "the launch named the platform's notice service");
        assertEquals(0, state.getJsonArray("activities").size());
        assertFalse(state.containsKey("handler_registered_at"));

        // The platform refuses the handler first (the scope is not granted): the head reads why; then it takes it.
        assets.pnsStatus = 403;
        assertTrue(api.post(base + "/handler", "", head).expect(502).body().contains("noticehandlers"));
        assets.pnsStatus = 200;
        JsonObject registered = api.post(base + "/handler", "", head).expect(200).json();
        assertTrue(registered.containsKey("handler_registered_at"));
        JsonObject handler = assets.handlerRegistrations.get(0);
        assertEquals("LtiAssetProcessorSubmissionNotice", handler.getString("notice_type"));
        assertEquals(server.url() + "/lti/notices", handler.getString("handler"));

        // Students hand in: one twice (attempt 2 replaces attempt 1), one whose file the platform serves from storage,
        // one in another activity.
        Instant t0 = Instant.now().minusSeconds(600);
        List<String> batch = List.of(
                notice("n-1", "learner-a", "act-1", 1, t0, assets.file("a-1", "Ada Lovelace essay.txt", "text/plain",
                        text("First draft about the river."), false)),
                notice("n-2", "learner-a", "act-1", 2, t0.plusSeconds(60), assets.file("a-2", "Ada Lovelace essay.txt", "text/plain",
                        text("The final essay argues that the river should be cleaned because the town drinks its water every day."), false)),
                notice("n-3", "learner-b", "act-1", 1, t0.plusSeconds(30), assets.file("b-1", "essay.html", "text/html",
                        text("<p>Towns grow along rivers <script>alert(1)</script>because water carries trade.</p>"), true)),
                notice("n-4", "learner-c", "act-2", 1, t0, assets.file("c-1", "log.txt", "text/plain", text("Reading log entry."), false)));
        HttpResponse<String> delivered = assets.deliver(batch);
        assertEquals(204, delivered.statusCode(), delivered.body());
        assertEquals(204, assets.deliver(batch).statusCode(), "the same notices sent again are acknowledged");

        // Each notice is checked on its own; the good one in a bad batch is still taken.
        Map<String, Object> file = assets.file("d-1", "essay.txt", "text/plain", text("Short answer."), false);
        JWTClaimsSet good = assets.submissionNotice("n-5", "learner-d", "act-1", 1, t0, List.of(file)).build();
        Date longAgo = Date.from(Instant.now().minusSeconds(7200));
        List<String> mixed = List.of(
                TestPlatform.sign(good, platform.foreignKey()),
                assets.sign(new JWTClaimsSet.Builder(good).claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "not-ours").build()),
                assets.sign(new JWTClaimsSet.Builder(good).issueTime(longAgo).expirationTime(longAgo).build()),
                assets.sign(new JWTClaimsSet.Builder(good).claim("https://purl.imsglobal.org/spec/lti/claim/for_user", null).build()),
                assets.sign(new JWTClaimsSet.Builder(good).claim("https://purl.imsglobal.org/spec/lti/claim/assetservice",
                        Map.of("assets", List.of(Map.of("asset_id", "x", "url", "http://files.example.org/x")))).build()),
                assets.sign(good));
        HttpResponse<String> refused = assets.deliver(mixed);
        assertEquals(400, refused.statusCode(), refused.body());
        List<JsonObject> outcomes = Api.parse(refused.body()).asJsonObject().getJsonArray("notices").getValuesAs(JsonObject.class);
        assertEquals(List.of("bad_signature", "unknown_deployment", "expired", "missing_for_user", "malformed_asset"),
                outcomes.subList(0, 5).stream().map(o -> o.getString("error")).toList());
        assertTrue(outcomes.get(5).getBoolean("accepted"));
        assertFalse(refused.body().contains("learner-d"), "a refusal never echoes the token's contents");

        List<JsonObject> activities = api.get(base, head).expect(200).json().getJsonArray("activities").getValuesAs(JsonObject.class);
        JsonObject act1 = activities.stream().filter(a -> a.getString("id").equals("act-1")).findFirst().orElseThrow();
        assertEquals(3, act1.getInt("students"), "three students handed in to act-1; a resubmission is one student");
        assertEquals("Activity act-1", act1.getString("title"));
        assertTrue(activities.stream().anyMatch(a -> a.getString("id").equals("act-2")));

        assertEquals(400, api.post(base, "{\"activity_id\":\"act-9\"}", head).status(), "no notices for that activity");
        String job = api.post(base, "{\"activity_id\":\"act-1\"}", head).expect(202).json().getString("id");
        JsonObject detail = IntakeIT.awaitImport(api, round, job, head);
        JsonObject done = detail.getJsonObject("job");
        assertEquals("done", done.getString("state"), detail.toString());
        assertEquals(3, done.getInt("added"), detail.toString());
        assertEquals(0, done.getInt("failed"), detail.toString());
        assertEquals(List.of("null"), assets.storageAuthorizations.stream().distinct().toList(),
                "the file behind the redirect was fetched without the platform's token");
        List<JsonObject> pieces = api.get("/api/rounds/" + round + "/pieces", head).expect(200).json().getJsonArray("pieces").getValuesAs(JsonObject.class);
        assertEquals(3, pieces.size());
        assertTrue(pieces.stream().allMatch(p -> p.getString("source").equals("asset")));
        assertTrue(pieces.stream().anyMatch(p -> p.getInt("words") == 18), "the second attempt's text, not the first: " + pieces);
        String listing = api.get("/api/rounds/" + round + "/pieces", head).body() + api.get("/api/rounds/" + round + "/imports/" + job, head).body();
        for (String identity : List.of("learner-a", "learner-b", "Lovelace")) {
            assertFalse(listing.contains(identity), "no student id or file name in the pieces or the import: " + identity);
        }

        // Importing again changes nothing; a new attempt replaces the piece's text.
        int fetched = assets.assetRequests.get();
        String again = api.post(base, "{\"activity_id\":\"act-1\"}", head).expect(202).json().getString("id");
        JsonObject unchanged = IntakeIT.awaitImport(api, round, again, head).getJsonObject("job");
        assertEquals(3, unchanged.getInt("unchanged"), unchanged.toString());
        assertEquals(fetched, assets.assetRequests.get(), "unchanged submissions are not fetched again");

        // The file service is down: the import stops with the reason and finishes on resume; a damaged file fails alone.
        Map<String, Object> damaged = new java.util.HashMap<>(assets.file("e-1", "essay.txt", "text/plain", text("Tampered."), false));
        damaged.put("sha256_checksum", AssetService.sha256(text("Something else.")));
        assertEquals(204, assets.deliver(List.of(
                notice("n-6", "learner-b", "act-1", 2, t0.plusSeconds(120), assets.file("b-2", "essay.txt", "text/plain",
                        text("Towns grow along rivers because rivers carry goods and people."), false)),
                notice("n-7", "learner-e", "act-1", 1, t0, damaged))).statusCode());
        assets.assetStatus = 503;
        String outage = api.post(base, "{\"activity_id\":\"act-1\"}", head).expect(202).json().getString("id");
        JsonObject stopped = IntakeIT.awaitImport(api, round, outage, head).getJsonObject("job");
        assertEquals("stopped", stopped.getString("state"), stopped.toString());
        assertTrue(stopped.getString("message").contains("503"), stopped.toString());
        assets.assetStatus = 200;
        api.post("/api/rounds/" + round + "/imports/" + outage + "/resume", "", head).expect(200);
        JsonObject resumed = IntakeIT.awaitImport(api, round, outage, head);
        JsonObject finished = resumed.getJsonObject("job");
        assertEquals("done", finished.getString("state"), resumed.toString());
        assertEquals(1, finished.getInt("updated"), resumed.toString());
        assertEquals(1, finished.getInt("failed"), resumed.toString());
        assertTrue(byPosition(resumed).values().stream().anyMatch(i -> i.getString("state").equals("failed")
                && i.getString("reason").contains("checksum")), resumed.toString());

        String log = Files.readString(server.logFile());
        assertFalse(log.contains("learner-a"), "the server log never carries a student's id");

        // A student's data request lists the notices about them; erasing the course removes every notice.
        String admin = session("ap-admin", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator");
        JsonObject course = api.get("/api/admin/privacy/courses", admin).expect(200).json().getJsonArray("courses").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getString("title", "").equals("History 10")).findFirst().orElseThrow();
        JsonObject export = api.get("/api/admin/privacy/students/" + course.getJsonNumber("platform_id") + "/learner-a", admin).expect(200).json();
        assertEquals(2, export.getJsonArray("submission_notices").size(), export.toString());
        api.post("/api/admin/privacy/courses/" + course.getString("id") + "/erasure", "{\"confirm\":\"History 10\"}", admin).expect(200);
        assertEquals(0, api.get(base, head).expect(200).json().getJsonArray("activities").size(), "no notice of the course is kept");
    }
}
