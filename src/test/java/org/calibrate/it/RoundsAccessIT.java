package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, endpoint by endpoint: a scorer of the round, a moderator, a teacher not in the
 * round, an admin not in it, a learner and no token. And blindness: a scorer never receives another
 * scorer's score or name or member id, nor a student's name or id or class, through any route,
 * error messages included.
 */
@ExtendWith(CalibrateServer.class)
class RoundsAccessIT {
    static RoundFixture f;
    static Api api;
    static String round;
    static String item;
    static String flag;
    static String moderatorMember;
    static String okaforMember;
    static String goldbergMember;
    static String sharedCode;

    /** Okafor (Period 2) and Goldberg (Period 5) score; the department head moderates; Lindqvist and the admin are outside. */
    @BeforeAll
    static void setUp() throws Exception {
        f = new RoundFixture(CalibrateServer.get().url());
        api = f.api;
        round = f.createRound("Access matrix round", f.shippedRubric("ny-short-response-2-point"));
        moderatorMember = f.round(round).getJsonArray("members").getJsonObject(0).getString("id");
        // Three scorers who teach none of the demo classes: two per piece, so each misses some pieces.
        okaforMember = f.addScorer(round, "demo-t-01", "Period 9");
        goldbergMember = f.addScorer(round, "demo-t-03", "Period 9");
        f.addScorer(round, "demo-t-04", "Period 9");
        f.addDemoPieces(round);
        item = f.addCalibrationItem(round, "{\"response\":1}", "A literal recounting of the texts, with some relevant details.");
        f.allocate(round);
        f.move(round, "calibration").expect(200);
        f.move(round, "scoring").expect(200);
        String goldberg = f.token("demo-t-03");
        List<String> okafors = new ArrayList<>();
        api.get("/api/rounds/" + round + "/queue", f.token("demo-t-01")).expect(200).json().getJsonArray("items").getValuesAs(JsonObject.class)
                .forEach(i -> okafors.add(i.getString("code")));
        sharedCode = api.get("/api/rounds/" + round + "/queue", goldberg).expect(200).json().getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().map(i -> i.getString("code")).filter(okafors::contains).findFirst().orElseThrow();
        api.put("/api/rounds/" + round + "/pieces/" + sharedCode + "/score", "{\"levels\":{\"response\":2},\"rationale\":\"GOLDBERG-RATIONALE\","
                + "\"evidence\":\"GOLDBERG-EVIDENCE\",\"flags\":[\"sensitive\"],\"flag_note\":\"GOLDBERG-FLAG-NOTE\",\"submit\":true}", goldberg).expect(200);
        flag = api.get("/api/rounds/" + round + "/progress", f.token(RoundFixture.HEAD)).expect(200).json().getJsonArray("flags").getJsonObject(0).getString("id");
    }

    /** One endpoint and the answer each caller gets. */
    record Endpoint(String method, String path, String body, String audience) {
    }

    private static List<Endpoint> endpoints() {
        String r = "/api/rounds/" + round;
        List<Endpoint> e = new ArrayList<>();
        // Moderators only.
        e.add(new Endpoint("PUT", r, "{\"lock_version\":0,\"title\":\"x\"}", "moderator"));
        e.add(new Endpoint("POST", r + "/phase", "{\"lock_version\":0,\"phase\":\"moderation\"}", "moderator"));
        e.add(new Endpoint("POST", r + "/members", "{\"user_id\":\"demo-t-02\",\"roles\":[\"scorer\"]}", "moderator"));
        e.add(new Endpoint("PUT", r + "/members/" + okaforMember, "{\"lock_version\":0,\"roles\":[\"scorer\"]}", "moderator"));
        e.add(new Endpoint("GET", r + "/pieces", null, "moderator"));
        e.add(new Endpoint("POST", r + "/pieces", "{\"pieces\":[{\"text\":\"x\"}]}", "moderator"));
        e.add(new Endpoint("POST", r + "/pieces/demo", "", "moderator"));
        e.add(new Endpoint("PUT", r + "/pieces/" + sharedCode + "/exclusion", "{\"reason\":\"duplicate\"}", "moderator"));
        e.add(new Endpoint("DELETE", r + "/pieces/" + sharedCode + "/exclusion", "", "moderator"));
        e.add(new Endpoint("GET", r + "/pieces/" + sharedCode + "/review", null, "moderator"));
        e.add(new Endpoint("PUT", r + "/pieces/" + sharedCode + "/review", "{\"lock_version\":0}", "moderator"));
        e.add(new Endpoint("GET", r + "/release", null, "moderator"));
        e.add(new Endpoint("POST", r + "/release", "{\"lock_version\":0}", "moderator"));
        e.add(new Endpoint("DELETE", r + "/release?lock_version=0", "", "moderator"));
        e.add(new Endpoint("GET", r + "/imports", null, "moderator"));
        e.add(new Endpoint("GET", r + "/imports/learners", null, "moderator"));
        e.add(new Endpoint("POST", r + "/imports/demo", "", "moderator"));
        e.add(new Endpoint("POST", r + "/imports/upload?name=a.txt", "text", "moderator"));
        e.add(new Endpoint("POST", r + "/imports/zip?name=a.zip", "PK", "moderator"));
        e.add(new Endpoint("GET", r + "/imports/moodle/assignments", null, "moderator"));
        e.add(new Endpoint("POST", r + "/imports/moodle", "{\"assignment_id\":1}", "moderator"));
        e.add(new Endpoint("GET", r + "/imports/assets", null, "moderator"));
        e.add(new Endpoint("PUT", r + "/pieces/" + sharedCode + "/review/files/0/boxes", "{\"boxes\":[]}", "moderator"));
        e.add(new Endpoint("POST", r + "/imports/assets", "{\"activity_id\":\"x\"}", "moderator"));
        e.add(new Endpoint("POST", r + "/imports/assets/handler", "", "moderator"));
        e.add(new Endpoint("GET", r + "/imports/no-such-import", null, "moderator"));
        e.add(new Endpoint("POST", r + "/imports/no-such-import/resume", "", "moderator"));
        e.add(new Endpoint("GET", r + "/allocation", null, "moderator"));
        e.add(new Endpoint("POST", r + "/allocation", "{\"lock_version\":0}", "moderator"));
        e.add(new Endpoint("POST", r + "/calibration/items", "{\"text\":\"x\",\"levels\":{\"response\":1}}", "moderator"));
        e.add(new Endpoint("DELETE", r + "/calibration/items/" + item, "", "moderator"));
        e.add(new Endpoint("GET", r + "/calibration/results", null, "moderator"));
        e.add(new Endpoint("GET", r + "/progress", null, "moderator"));
        e.add(new Endpoint("POST", r + "/flags/" + flag + "/acknowledge", "", "moderator"));
        e.add(new Endpoint("GET", r + "/chart", null, "moderator"));
        e.add(new Endpoint("GET", r + "/chart/csv", null, "moderator"));
        e.add(new Endpoint("GET", r + "/report", null, "moderator"));
        e.add(new Endpoint("GET", r + "/report/csv", null, "moderator"));
        e.add(new Endpoint("GET", r + "/report/html", null, "moderator"));
        e.add(new Endpoint("PUT", r + "/report/sharing", "{\"lock_version\":0,\"shared\":true}", "moderator"));
        e.add(new Endpoint("GET", r + "/chart/xlsx", null, "moderator"));
        e.add(new Endpoint("GET", r + "/calibration/exemplars", null, "moderator"));
        e.add(new Endpoint("POST", r + "/calibration/exemplars", "{\"exemplar_ids\":[\"x\"]}", "moderator"));
        String piece = r + "/moderation/pieces/" + sharedCode;
        e.add(new Endpoint("GET", r + "/moderation", null, "moderator"));
        e.add(new Endpoint("PUT", r + "/moderation/rules", "{\"lock_version\":0,\"tolerance\":\"adjacent\"}", "moderator"));
        e.add(new Endpoint("GET", r + "/moderation/fair", null, "moderator"));
        e.add(new Endpoint("GET", piece, null, "moderator"));
        e.add(new Endpoint("PUT", piece + "/resolution", "{\"levels\":{\"response\":1},\"rationale\":\"x\"}", "moderator"));
        e.add(new Endpoint("DELETE", piece + "/resolution?lock_version=0", "", "moderator"));
        e.add(new Endpoint("POST", piece + "/adjudication", "{}", "moderator"));
        e.add(new Endpoint("DELETE", piece + "/adjudication", "", "moderator"));
        e.add(new Endpoint("PUT", piece + "/consent", "{\"consent\":\"granted\"}", "moderator"));
        e.add(new Endpoint("POST", piece + "/exemplars", "{\"score_point\":2,\"annotation\":\"x\"}", "moderator"));
        e.add(new Endpoint("GET", r + "/meeting", null, "moderator"));
        e.add(new Endpoint("PUT", r + "/meeting/reflection", "{\"task\":\"x\"}", "moderator"));
        e.add(new Endpoint("PUT", r + "/meeting/reveal", "{\"lock_version\":0,\"revealed\":true}", "moderator"));
        e.add(new Endpoint("GET", r + "/final", null, "moderator"));
        e.add(new Endpoint("POST", r + "/final/finalise", "{\"lock_version\":0,\"return_grades\":false}", "moderator"));
        e.add(new Endpoint("POST", r + "/final/reopen", "{\"lock_version\":0,\"reason\":\"x\"}", "moderator"));
        e.add(new Endpoint("POST", r + "/final/grades/1/retry", "{\"version\":0}", "moderator"));
        // Scorers only.
        e.add(new Endpoint("GET", r + "/queue", null, "scorer"));
        e.add(new Endpoint("GET", r + "/queue/next", null, "scorer"));
        e.add(new Endpoint("GET", r + "/pieces/" + sharedCode + "/work", null, "scorer"));
        e.add(new Endpoint("PUT", r + "/pieces/" + sharedCode + "/score", "{\"levels\":{\"response\":1}}", "scorer"));
        e.add(new Endpoint("GET", r + "/pieces/" + sharedCode + "/score/history", null, "scorer"));
        e.add(new Endpoint("GET", r + "/calibration", null, "scorer"));
        e.add(new Endpoint("GET", r + "/report/mine", null, "scorer"));
        e.add(new Endpoint("POST", r + "/calibration/items/" + item + "/attempt", "{\"levels\":{\"response\":1}}", "scorer"));
        // Any member.
        e.add(new Endpoint("GET", r, null, "member"));
        e.add(new Endpoint("GET", r + "/calibration/items/" + item, null, "member"));
        e.add(new Endpoint("GET", r + "/discussions", null, "member"));
        e.add(new Endpoint("GET", r + "/discussions/" + sharedCode, null, "member"));
        e.add(new Endpoint("GET", r + "/pieces/" + sharedCode + "/files/0", null, "member"));
        e.add(new Endpoint("POST", r + "/discussions/" + sharedCode + "/posts", "{\"body\":\"x\"}", "member"));
        return e;
    }

    @Test
    @DisplayName("every round endpoint: 401 without a token, 404 for teachers and admins outside the round, 403 for the wrong role")
    void everyEndpointChecksRoleAndMembership() throws Exception {
        String okafor = f.token("demo-t-01");
        String head = f.token(RoundFixture.HEAD);
        String outsider = f.token("demo-t-02");
        String admin = f.token(RoundFixture.ADMIN);
        for (Endpoint e : endpoints()) {
            String what = e.method() + " " + e.path();
            assertEquals(401, api.call(e.method(), e.path(), e.body(), null).status(), what + " without a token");
            assertEquals(401, api.call(e.method(), e.path(), e.body(), "not-a-token").status(), what + " with a forged token");
            for (String stranger : List.of(outsider, admin)) {
                Api.Reply reply = api.call(e.method(), e.path(), e.body(), stranger);
                assertEquals(404, reply.status(), what + " from outside the round: " + reply.body());
                assertEquals("round_not_found", reply.error(), what);
            }
            if (e.audience().equals("moderator")) {
                Api.Reply reply = api.call(e.method(), e.path(), e.body(), okafor);
                assertEquals(403, reply.status(), what + " from a scorer: " + reply.body());
                assertEquals("moderators_only", reply.error());
            }
            if (e.audience().equals("scorer")) {
                Api.Reply reply = api.call(e.method(), e.path(), e.body(), head);
                assertEquals(403, reply.status(), what + " from a moderator who does not score: " + reply.body());
                assertEquals("scorers_only", reply.error());
            }
        }
        // The allowed callers get through (state-changing calls are exercised in RoundsIT).
        api.get("/api/rounds/" + round + "/progress", head).expect(200);
        api.get("/api/rounds/" + round + "/queue", okafor).expect(200);
        api.get("/api/rounds/" + round, okafor).expect(200);
        // A moderator passes the role check and meets the phase: moderation opens when scoring ends.
        assertEquals("moderation_not_yet", api.get("/api/rounds/" + round + "/moderation", head).expect(409).error());
    }

    @Test
    @DisplayName("a learner's launch opens no session, so no round endpoint can be reached")
    void learnersGetNoSession() throws Exception {
        var launch = f.demo.launch("/demo/api/launch", Map.of("person", RoundFixture.LEARNER));
        assertEquals(200, launch.statusCode());
        assertTrue(launch.headers().firstValue("Location").isEmpty(), "no launch code for the app");
        assertTrue(launch.body().contains("Calibrate is for your teachers"), launch.body());
    }

    @Test
    @DisplayName("rubrics: open to teachers and admins, not without a token")
    void rubricsNeedASession() throws Exception {
        assertEquals(401, api.get("/api/rubrics", null).status());
        assertEquals(401, api.post("/api/rubrics/import", "{}", null).status());
        assertEquals(200, api.get("/api/rubrics", f.token(RoundFixture.ADMIN)).status());
        assertEquals(200, api.get("/api/rubrics", f.token("demo-t-02")).status());
    }

    @Test
    @DisplayName("blind: nothing a scorer can read names another scorer, their score, a student or a class")
    void scorersAreBlind() throws Exception {
        String okafor = f.token("demo-t-01");
        List<String> forbidden = new ArrayList<>(List.of("GOLDBERG-RATIONALE", "GOLDBERG-EVIDENCE", "GOLDBERG-FLAG-NOTE", goldbergMember,
                moderatorMember, "Goldberg", "Rachel", "Whitfield", "demo-s-", "demo-t-03", "Period 2", "Period 5", "sec-a", "sec-b"));
        forbidden.addAll(studentNames());
        List<String> bodies = new ArrayList<>();
        String r = "/api/rounds/" + round;
        JsonObject queue = api.get(r + "/queue", okafor).expect(200).json();
        bodies.add(queue.toString());
        bodies.add(api.get(r + "/queue/next", okafor).body());
        bodies.add(api.get(r, okafor).body());
        bodies.add(api.get("/api/rounds", okafor).body());
        bodies.add(api.get("/api/rounds/alerts", okafor).body());
        bodies.add(api.get(r + "/calibration", okafor).body());
        bodies.add(api.get(r + "/calibration/items/" + item, okafor).body());
        bodies.add(api.get(r + "/report/mine", okafor).body());
        // While scoring runs, discussion is closed: no piece listed, and a thread reads the same for her piece and another's.
        JsonObject discussions = api.get(r + "/discussions", okafor).expect(200).json();
        assertFalse(discussions.getBoolean("open"), discussions.toString());
        assertTrue(discussions.getJsonArray("pieces").isEmpty(), discussions.toString());
        bodies.add(discussions.toString());
        Api.Reply thread = api.get(r + "/discussions/" + sharedCode, okafor);
        assertEquals(409, thread.status(), thread.body());
        assertEquals("discussion_not_yet", thread.error());
        assertEquals(thread.body(), api.get(r + "/discussions/" + otherCode(okafor), okafor).body());
        bodies.add(thread.body());
        for (JsonObject i : queue.getJsonArray("items").getValuesAs(JsonObject.class)) {
            bodies.add(api.get(r + "/pieces/" + i.getString("code") + "/work", okafor).expect(200).body());
            bodies.add(api.get(r + "/pieces/" + i.getString("code") + "/score/history", okafor).expect(200).body());
        }
        // Okafor shares the piece Goldberg scored: she sees the piece, never Goldberg's score.
        assertTrue(queue.toString().contains(sharedCode), "Okafor and Goldberg share this piece");
        JsonObject work = api.get(r + "/pieces/" + sharedCode + "/work", okafor).expect(200).json();
        assertTrue(RoundsIT.absent(work, "score"), "her own score only, and she has none yet: " + work);
        // Errors say nothing either: a code that exists but is not hers reads like one that does not exist.
        String absentCode = "ZZZ-ZZZ";
        Api.Reply unknown = api.get(r + "/pieces/" + absentCode + "/work", okafor);
        String someoneElses = otherCode(okafor);
        Api.Reply foreign = api.get(r + "/pieces/" + someoneElses + "/work", okafor);
        assertEquals(404, foreign.status());
        assertEquals(unknown.body(), foreign.body());
        assertEquals(unknown.body(), api.put(r + "/pieces/" + someoneElses + "/score", "{\"levels\":{\"response\":1}}", okafor).body());
        bodies.add(unknown.body());
        bodies.add(api.put(r + "/pieces/" + absentCode + "/score", "{\"levels\":{\"response\":1}}", okafor).body());
        bodies.add(api.post(r + "/calibration/items/" + item + "/attempt", "{\"levels\":{\"response\":9}}", okafor).body());
        for (String body : bodies) {
            for (String word : forbidden) {
                assertFalse(body.contains(word), "a scorer's answer contains \"" + word + "\": " + body);
            }
        }
    }

    /** A piece of the round outside Okafor's queue (three scorers, two a piece: she misses a third of them). */
    private static String otherCode(String okafor) throws Exception {
        List<String> mine = new ArrayList<>();
        api.get("/api/rounds/" + round + "/queue", okafor).json().getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> mine.add(i.getString("code")));
        return api.get("/api/rounds/" + round + "/pieces", f.token(RoundFixture.HEAD)).json().getJsonArray("pieces").getValuesAs(JsonObject.class)
                .stream().map(p -> p.getString("code")).filter(c -> !mine.contains(c)).findFirst().orElseThrow();
    }

    private static List<String> studentNames() throws Exception {
        try (InputStream in = RoundsAccessIT.class.getResourceAsStream("/demo/course.json")) {
            JsonObject course = jakarta.json.Json.createReader(in).readObject();
            List<String> names = new ArrayList<>();
            course.getJsonArray("people").getValuesAs(JsonObject.class).stream().filter(p -> p.getString("role").equals("student"))
                    .forEach(p -> {
                        names.add(p.getString("given_name"));
                        names.add(p.getString("family_name"));
                    });
            return names;
        }
    }
}
