package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin's data-protection tasks on a server of its own (erasing the demo course would take other tests' rounds
 * with it): one student's data exported, a course's student data erased on request, retention applied now.
 */
class PrivacyIT {
    @TempDir
    static Path work;
    static CalibrateServer.Running server;
    static TestPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = new TestPlatform();
        server = CalibrateServer.startSeparate(platform, work, Map.of("CALIBRATE_DEMO", "true", "CALIBRATE_INTAKE_POLL", "PT0.3S"), "it-privacy-server.log");
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

    @Test
    @DisplayName("a student's data exported; the course erased on request (confirmed by name); retention run now; admins only")
    void exportAndErase() throws Exception {
        RoundFixture f = new RoundFixture(server.url());
        String head = f.token(RoundFixture.HEAD);
        String admin = f.token(RoundFixture.ADMIN);
        String round = f.createRound("Privacy", f.shippedRubric("ny-short-response-2-point"));
        IntakeIT.awaitImport(f.api, round, f.api.post("/api/rounds/" + round + "/imports/demo", "", head).expect(202).json().getString("id"), head);
        JsonObject learner = f.api.get("/api/rounds/" + round + "/imports/learners", head).expect(200).json().getJsonArray("learners").getJsonObject(0);
        String user = learner.getString("user_id");
        IntakeIT.awaitImport(f.api, round, f.api.upload("/api/rounds/" + round + "/imports/upload?name=second-essay.txt&learner=" + user,
                ("A second essay by " + learner.getString("name") + ".").getBytes(StandardCharsets.UTF_8), "text/plain", head).expect(202).json().getString("id"), head);

        JsonObject course = f.api.get("/api/admin/privacy/courses", admin).expect(200).json().getJsonArray("courses").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getJsonNumber("rounds").longValue() > 0).findFirst().orElseThrow();
        long platformId = course.getJsonNumber("platform_id").longValue();
        String exportPath = "/api/admin/privacy/students/" + platformId + "/" + user;
        assertEquals(403, f.api.get(exportPath, head).status(), "admins only");
        JsonObject export = f.api.get(exportPath, admin).expect(200).json();
        assertEquals(user, export.getString("user_id"));
        assertEquals(learner.getString("name"), export.getJsonArray("roster").getJsonObject(0).getString("name"));
        List<JsonObject> work = export.getJsonArray("work").getValuesAs(JsonObject.class);
        assertTrue(work.size() >= 1, export.toString());
        assertTrue(work.stream().anyMatch(w -> w.getString("text_as_handed_in", "").contains(learner.getString("name"))), "the work as handed in");
        assertTrue(work.stream().anyMatch(w -> w.getJsonArray("files").size() == 1), "the file's name is listed");

        String erase = "/api/admin/privacy/courses/" + course.getString("id") + "/erasure";
        assertEquals(400, f.api.post(erase, "{\"confirm\":\"something else\"}", admin).status());
        assertEquals(403, f.api.post(erase, "{\"confirm\":" + Api.q(course.getString("title")) + "}", head).status());
        JsonObject erased = f.api.post(erase, "{\"confirm\":" + Api.q(course.getString("title")) + "}", admin).expect(200).json();
        assertTrue(erased.getInt("rounds") >= 1 && erased.getInt("roster_entries") > 0, erased.toString());

        JsonObject after = f.api.get(exportPath, admin).expect(200).json();
        assertEquals(0, after.getJsonArray("work").size(), "no link from any piece to the student remains");
        assertEquals(0, after.getJsonArray("roster").size());
        String code = f.api.get("/api/rounds/" + round + "/pieces", head).expect(200).json().getJsonArray("pieces").getJsonObject(0).getString("code");
        String text = f.api.get("/api/rounds/" + round + "/pieces/" + code + "/review", head).expect(200).json().getString("original");
        assertTrue(text.contains("erased"), "the piece keeps a placeholder: " + text);
        assertFalse(text.contains(learner.getString("name")));
        JsonObject audit = f.api.get("/api/admin/audit?action=round.erased&subject=round:" + round, admin).expect(200).json();
        assertEquals(1, audit.getJsonArray("events").size());
        assertEquals(0, f.api.post("/api/admin/privacy/retention/run", "", admin).expect(200).json().getInt("erased"),
                "nothing finalised a year ago");
    }
}
