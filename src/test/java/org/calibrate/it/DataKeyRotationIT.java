package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data key rotated on servers of their own, restarted on one database (embedded H2 kept in a folder, or a schema
 * of its own in the PostgreSQL pass): values sealed under K1; K2 set with K1 as a previous key and everything
 * re-sealed; then K1 removed, and the identity links, originals and a file K1 sealed still read.
 */
class DataKeyRotationIT {
    // Test fixture keys (32 bytes, base64), never used outside the tests.
    private static final String K1 = "Zmlyc3QtZml4dHVyZS1rZXktZGF0YS1yb3RhdGlvbiE=";
    private static final String K2 = "c2Vjb25kLWZpeHR1cmUta2V5LWRhdGEtcm90YXRpb24=";
    private static final String SCHEMA = "data_key_it";
    private static final String PATH = "/api/admin/keys/data";

    @TempDir
    static Path work;
    static TestPlatform platform;
    static CalibrateServer.Running server;
    /** One address for every start: the demo LMS is registered under it, and the round lives in its course. */
    static int port;

    @BeforeAll
    static void prepare() throws Exception {
        platform = new TestPlatform();
        port = CalibrateServer.freePort();
        if (postgres()) {
            try (Connection c = CalibrateServer.postgres(); Statement st = c.createStatement()) {
                st.execute("drop schema if exists " + SCHEMA + " cascade");
                st.execute("create schema " + SCHEMA);
            }
        }
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @AfterAll
    static void closePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private static boolean postgres() {
        return "postgresql".equals(System.getProperty("calibrate.it.database", "h2"));
    }

    /** A server on this test's database with these keys; imports wait unless {@code importing}. */
    private static RoundFixture start(String key, String previous, boolean importing, String log) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("CALIBRATE_DEMO", "true", "CALIBRATE_DATA_KEY", key,
                "CALIBRATE_INTAKE_POLL", importing ? "PT0.3S" : "PT1H", "PORT", Integer.toString(port)));
        if (previous != null) {
            settings.put("CALIBRATE_DATA_KEY_PREVIOUS", previous);
        }
        if (postgres()) {
            settings.put("CALIBRATE_DB_URL", System.getenv().getOrDefault("CALIBRATE_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/calibrate_it")
                    + "?currentSchema=" + SCHEMA);
        }
        server = CalibrateServer.startNode(platform, work, settings, log);
        return new RoundFixture(server.url());
    }

    static String kid(String base64) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 6));
    }

    private static Map<String, JsonObject> stores(JsonObject keys) {
        return keys.getJsonArray("stores").getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(s -> s.getString("store"), Function.identity()));
    }

    private static long under(JsonObject keys, String store, String kid) {
        JsonObject byKey = stores(keys).get(store).getJsonObject("keys");
        return byKey.containsKey(kid) ? byKey.getJsonNumber(kid).longValue() : 0;
    }

    private static long underAnywhere(JsonObject keys, String kid) {
        return stores(keys).keySet().stream().mapToLong(s -> under(keys, s, kid)).sum();
    }

    private static JsonObject exported(RoundFixture f, long platformId, String user) throws Exception {
        return f.api.get("/api/admin/privacy/students/" + platformId + "/" + user, f.token(RoundFixture.ADMIN)).expect(200).json();
    }

    private static Map<String, String> handedIn(JsonObject export) {
        return export.getJsonArray("work").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(w -> w.getString("piece_code"), w -> w.getString("text_as_handed_in", "")));
    }

    @Test
    @DisplayName("values sealed under K1 are re-sealed under K2 in the background, audited, and read with K2 alone")
    void rotate() throws Exception {
        // K1: identity links and originals of the demo pieces, and an uploaded file whose import waits.
        RoundFixture f = start(K1, null, false, "it-data-key-k1.log");
        String head = f.token(RoundFixture.HEAD);
        String admin = f.token(RoundFixture.ADMIN);
        String round = f.createRound("Key rotation", f.shippedRubric("ny-short-response-2-point"));
        f.addDemoPieces(round);
        JsonObject learner = f.api.get("/api/rounds/" + round + "/imports/learners", head).expect(200).json().getJsonArray("learners").getJsonObject(0);
        String user = learner.getString("user_id");
        String essay = "A second essay about later school starts and the sleep of teenagers, handed in on paper.";
        String job = f.api.upload("/api/rounds/" + round + "/imports/upload?name=essay.txt&learner=" + user, essay.getBytes(StandardCharsets.UTF_8),
                "text/plain", head).expect(202).json().getString("id");
        String code = f.api.get("/api/rounds/" + round + "/pieces", head).expect(200).json().getJsonArray("pieces").getJsonObject(0).getString("code");
        String original = f.api.get("/api/rounds/" + round + "/pieces/" + code + "/review", head).expect(200).json().getString("original");
        long platformId = f.api.get("/api/admin/privacy/courses", admin).expect(200).json().getJsonArray("courses").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getJsonNumber("rounds").longValue() > 0).findFirst().orElseThrow().getJsonNumber("platform_id").longValue();
        Map<String, String> before = handedIn(exported(f, platformId, user));
        assertTrue(!before.isEmpty() && before.values().stream().allMatch(t -> !t.isEmpty()), "the learner's demo work, as handed in: " + before);

        JsonObject k1 = f.api.get(PATH, admin).expect(200).json();
        assertEquals(kid(K1), k1.getString("current_kid"));
        assertEquals(12, under(k1, "identity_links", kid(K1)), k1.toString());
        assertEquals(12, under(k1, "originals", kid(K1)), k1.toString());
        assertEquals(1, under(k1, "files", kid(K1)), "the uploaded file: " + k1);
        assertEquals(403, f.api.get(PATH, head).status(), "admins only");
        server.stop();

        // K2 seals, K1 still opens: everything moves to K2, and a second run finds nothing left to do.
        f = start(K2, K1, false, "it-data-key-k2-k1.log");
        admin = f.token(RoundFixture.ADMIN);
        JsonObject both = f.api.get(PATH, admin).expect(200).json();
        assertEquals(kid(K2), both.getString("current_kid"));
        assertEquals(List.of(kid(K1)), both.getJsonArray("previous_kids").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(25, underAnywhere(both, kid(K1)), both.toString());
        assertEquals(403, f.api.post(PATH + "/rotation", "", f.token(RoundFixture.HEAD)).status(), "admins only");
        JsonObject started = f.api.post(PATH + "/rotation", "", admin).expect(202).json();
        assertEquals(kid(K2), started.getString("kid"));
        assertEquals(25, started.getInt("total"));
        JsonObject after = awaitResealed(f, admin);
        assertEquals(25, after.getJsonObject("reseal").getInt("resealed"), after.toString());
        assertEquals(0, underAnywhere(after, kid(K1)), after.toString());
        assertEquals(25, underAnywhere(after, kid(K2)), after.toString());
        f.api.post(PATH + "/rotation", "", admin).expect(202);
        JsonObject again = awaitResealed(f, admin);
        assertEquals(0, again.getJsonObject("reseal").getInt("resealed"), "only what is not under the key is touched: " + again);
        List<JsonObject> audit = f.api.get("/api/admin/audit?action=data-key.reseal", admin).expect(200).json().getJsonArray("events")
                .getValuesAs(JsonObject.class);
        assertEquals(4, audit.size(), audit.toString());
        assertTrue(audit.stream().allMatch(e -> e.getString("actor").startsWith("user:")), "who started it: " + audit);
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("data-key.reseal-finished") && e.getString("detail").startsWith("25 re-sealed")),
                audit.toString());
        server.stop();

        // K2 alone: what K1 sealed reads as before, and the waiting import reads its re-sealed file.
        f = start(K2, null, true, "it-data-key-k2.log");
        head = f.token(RoundFixture.HEAD);
        admin = f.token(RoundFixture.ADMIN);
        JsonObject k2 = f.api.get(PATH, admin).expect(200).json();
        assertEquals(0, k2.getJsonArray("previous_kids").size());
        assertTrue(stores(k2).values().stream().allMatch(s -> s.getInt("unreadable") == 0 && s.getInt("plain") == 0), k2.toString());
        assertEquals(original, f.api.get("/api/rounds/" + round + "/pieces/" + code + "/review", head).expect(200).json().getString("original"));
        Map<String, String> now = handedIn(exported(f, platformId, user));
        before.forEach((piece, text) -> assertEquals(text, now.get(piece), "the identity links and originals read with K2 alone"));
        assertEquals(1, IntakeIT.awaitImport(f.api, round, job, head).getJsonObject("job").getInt("added"), "the re-sealed upload is read");
        assertTrue(handedIn(exported(f, platformId, user)).values().stream().anyMatch(t -> t.contains("handed in on paper")));
    }

    private static JsonObject awaitResealed(RoundFixture f, String admin) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            JsonObject keys = f.api.get(PATH, admin).expect(200).json();
            if (keys.getJsonObject("reseal").getString("state").equals("idle")) {
                assertTrue(!keys.getJsonObject("reseal").containsKey("last_error"), keys.toString());
                return keys;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("re-sealing did not finish within 90 s");
    }
}
