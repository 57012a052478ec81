package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release review: a moderator sees what the anonymiser hid, keeps or hides each span, redacts more by hand; a
 * name left in blocks the release; nothing reaches scoring before the release; a released round takes no changes.
 */
@ExtendWith(CalibrateServer.class)
class ReleaseReviewIT {
    private static RoundFixture f;

    @BeforeAll
    static void setUp() throws Exception {
        f = new RoundFixture(CalibrateServer.get().url());
    }

    private static String head() {
        return f.token(RoundFixture.HEAD);
    }

    @Test
    @DisplayName("review, a kept name blocks the release, hand redaction, release gates scoring and freezes the pieces")
    void reviewAndRelease() throws Exception {
        String round = f.createRound("Release review", f.shippedRubric("ny-short-response-2-point"));
        JsonObject learner = f.api.get("/api/rounds/" + round + "/imports/learners", head()).expect(200).json().getJsonArray("learners").getJsonObject(0);
        String name = learner.getString("name");
        String essay = "My name is " + name + ". Schools should start later because sleep matters, and the buses could run later too.";
        String job = f.api.upload("/api/rounds/" + round + "/imports/upload?name=essay.txt&learner=" + learner.getString("user_id"),
                essay.getBytes(StandardCharsets.UTF_8), "text/plain", head()).expect(202).json().getString("id");
        assertEquals(1, IntakeIT.awaitImport(f.api, round, job, head()).getJsonObject("job").getInt("added"));
        String code = f.api.get("/api/rounds/" + round + "/pieces", head()).expect(200).json().getJsonArray("pieces").getJsonObject(0).getString("code");
        String review = "/api/rounds/" + round + "/pieces/" + code + "/review";

        JsonObject r = f.api.get(review, head()).expect(200).json();
        assertEquals(essay, r.getString("original"), "the moderator reviews the original");
        assertFalse(r.getString("text").contains(name.split(" ")[0]), "scorers' text has no name: " + r.getString("text"));
        List<JsonObject> spans = r.getJsonArray("spans").getValuesAs(JsonObject.class);
        JsonObject student = spans.stream().filter(s -> s.getString("label").equals("[student]")).findFirst().orElseThrow(() -> new AssertionError(r.toString()));
        assertEquals("redacted", student.getString("origin"));

        // Keeping the student's name is the moderator's call, but the leak guard will not let it out.
        JsonObject kept = f.api.put(review, "{\"lock_version\":" + r.getJsonNumber("lock_version") + ",\"decisions\":{\"" + student.getInt("index")
                + "\":\"keep\"}}", head()).expect(200).json();
        assertTrue(kept.getString("text").contains(name), kept.getString("text"));
        assertEquals(409, f.api.put(review, "{\"lock_version\":" + r.getJsonNumber("lock_version") + ",\"decisions\":{}}", head()).status(),
                "a stale review is refused");
        JsonObject release = f.api.get("/api/rounds/" + round + "/release", head()).expect(200).json();
        Api.Reply blocked = f.api.post("/api/rounds/" + round + "/release", "{\"lock_version\":" + release.getJsonNumber("lock_version") + "}", head());
        assertEquals(422, blocked.status(), blocked.body());
        assertEquals("leaks", blocked.error());
        assertTrue(blocked.body().contains(code), blocked.body());

        JsonObject hidden = f.api.put(review, "{\"lock_version\":" + kept.getJsonNumber("lock_version") + ",\"decisions\":{\"" + student.getInt("index")
                + "\":\"redact\"},\"redact\":\"buses\"}", head()).expect(200).json();
        assertFalse(hidden.getString("text").contains(name));
        assertTrue(hidden.getString("text").contains("the [redacted] could"), hidden.getString("text"));
        String audit = f.api.get("/api/rounds/" + round + "/pieces", head()).body();
        assertFalse(audit.contains(name), "no name in the pieces list");

        // Scoring cannot start before the release.
        f.addScorer(round, "demo-t-01");
        f.addScorer(round, "demo-t-03");
        f.allocate(round);
        Api.Reply early = f.api.post("/api/rounds/" + round + "/phase", "{\"lock_version\":" + f.lock(round) + ",\"phase\":\"scoring\"}", head());
        assertEquals(409, early.status(), early.body());
        assertEquals("not_released", early.error());

        JsonObject released = f.api.post("/api/rounds/" + round + "/release", "{\"lock_version\":" + f.lock(round) + "}", head()).expect(200).json();
        assertTrue(released.containsKey("released_at") && !released.isNull("released_at"));
        assertEquals("released", f.api.put(review, "{\"lock_version\":" + hidden.getJsonNumber("lock_version") + ",\"decisions\":{}}", head())
                .expect(409).error());
        assertEquals("released", f.api.upload("/api/rounds/" + round + "/imports/upload?name=late.txt", "Late work.".getBytes(StandardCharsets.UTF_8),
                "text/plain", head()).expect(409).error());
        JsonObject withdrawn = f.api.delete("/api/rounds/" + round + "/release?lock_version=" + f.lock(round), head()).expect(200).json();
        assertFalse(withdrawn.containsKey("released_at") && !withdrawn.isNull("released_at"));
        f.api.post("/api/rounds/" + round + "/release", "{\"lock_version\":" + f.lock(round) + "}", head()).expect(200);
        f.api.post("/api/rounds/" + round + "/phase", "{\"lock_version\":" + f.lock(round) + ",\"phase\":\"scoring\"}", head()).expect(200);
        assertEquals(409, f.api.delete("/api/rounds/" + round + "/release?lock_version=" + f.lock(round), head()).status(),
                "once scoring starts the pieces stay with the scorers");
    }
}
