package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A round from setup to scoring over HTTP, as a department head and four teachers of the demo
 * course run it: design and allocation with conflicts of interest, phase moves refused until the
 * round is ready, calibration, blind scoring with drafts, caps, revisions and locking, flags and
 * progress, and a scorer dropping out.
 */
@ExtendWith(CalibrateServer.class)
class RoundsIT {
    static RoundFixture f;
    static Api api;
    static String rubric;

    @BeforeAll
    static void start() throws Exception {
        f = new RoundFixture(CalibrateServer.get().url());
        api = f.api;
        rubric = f.shippedRubric("ny-short-response-2-point");
    }

    private static String head() {
        return f.token(RoundFixture.HEAD);
    }

    @Test
    @DisplayName("set up, allocate without conflicts of interest, calibrate, score blind, watch progress")
    void roundFromSetupToScoring() throws Exception {
        String id = f.createRound("Argument essay — spring moderation", rubric);
        JsonObject round = f.round(id);
        assertEquals("setup", round.getString("phase"));
        assertEquals(List.of("moderator"), round.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());

        // Not ready: no pieces, no allocation.
        assertEquals("phase_refused", f.move(id, "scoring").expect(409).error());

        Map<String, String> members = new java.util.HashMap<>();
        for (String t : RoundFixture.TEACHERS) {
            members.put(t, f.addScorer(id, t));
        }
        assertEquals("already_member", api.post("/api/rounds/" + id + "/members", "{\"user_id\":\"demo-t-01\",\"roles\":[\"scorer\"]}", head()).expect(409).error());
        assertEquals("invalid", api.post("/api/rounds/" + id + "/members", "{\"user_id\":\"demo-s-02\",\"roles\":[\"scorer\"]}", head()).expect(400).error(),
                "a learner of the roster is not a possible scorer");
        f.addDemoPieces(id);
        assertEquals("already_added", api.post("/api/rounds/" + id + "/pieces/demo", "", head()).expect(409).error());

        JsonObject pieces = api.get("/api/rounds/" + id + "/pieces", head()).expect(200).json();
        assertEquals(12, pieces.getJsonArray("pieces").size());
        for (JsonObject p : pieces.getJsonArray("pieces").getValuesAs(JsonObject.class)) {
            assertTrue(p.getString("code").matches("[A-Z2-9]{3}-[A-Z2-9]{3}"), p.toString());
            assertFalse(p.toString().contains("demo-s-"), "no student id in the moderator's list: " + p);
        }
        assertEquals("phase_refused", f.move(id, "calibration").expect(409).error(), "not allocated yet");

        // Allocation: two scorers a piece, balanced, nobody scores their own class.
        JsonObject summary = f.allocate(id);
        Map<String, Integer> load = new java.util.TreeMap<>();
        summary.getJsonObject("load").forEach((k, v) -> load.put(k, ((jakarta.json.JsonNumber) v).intValue()));
        assertEquals(24, load.values().stream().mapToInt(Integer::intValue).sum(), summary.toString());
        assertTrue(load.values().stream().mapToInt(Integer::intValue).max().getAsInt()
                - load.values().stream().mapToInt(Integer::intValue).min().getAsInt() <= 1, "balanced to one piece: " + load);
        assertTrue(summary.getInt("conflicts_avoided") > 0, summary.toString());
        assertTrue(summary.getJsonObject("unallocated").isEmpty(), summary.toString());

        // Calibration set: one practice piece with its agreed score.
        String item = f.addCalibrationItem(id, "{\"response\":2}", "Students need sleep. The CDC says teens need 8 to 10 hours, and the Seattle study found later starts helped grades.");
        assertEquals(422, api.post("/api/rounds/" + id + "/calibration/items", "{\"text\":\"x\",\"levels\":{\"response\":7}}", head()).status(),
                "an agreed level outside the rubric is refused");
        JsonObject edited = api.put("/api/rounds/" + id, "{\"lock_version\":" + f.lock(id) + ",\"calibration\":{\"required\":true,\"qualifying_agreement\":1.0}}", head())
                .expect(200).json();
        assertTrue(edited.getJsonObject("calibration").getBoolean("required"));
        assertEquals("phase_refused", f.move(id, "scoring").expect(409).error(), "calibration is required first");
        assertEquals("calibration", f.move(id, "calibration").expect(200).json().getString("phase"));

        // Every scorer practises: the agreed score shows only after their own.
        String t1 = f.token("demo-t-01");
        JsonObject practice = api.get("/api/rounds/" + id + "/calibration", t1).expect(200).json();
        JsonObject first = practice.getJsonArray("items").getJsonObject(0);
        assertFalse(first.getBoolean("attempted"));
        assertFalse(first.toString().contains("agreed"), "no agreed score before the attempt: " + first);
        assertEquals(409, api.get("/api/rounds/" + id + "/calibration/items/" + item, t1).status(), "nor through the anchor route");
        for (String t : RoundFixture.TEACHERS) {
            int level = t.equals("demo-t-04") ? 1 : 2;
            JsonObject attempt = api.post("/api/rounds/" + id + "/calibration/items/" + item + "/attempt", "{\"levels\":{\"response\":" + level + "}}", f.token(t))
                    .expect(200).json();
            assertEquals(2, attempt.getJsonObject("agreed_levels").getInt("response"));
            assertEquals(level == 2, attempt.getBoolean("exact"));
            assertTrue(attempt.getBoolean("adjacent"));
            assertTrue(attempt.getString("annotation").startsWith("States a claim"));
        }
        assertEquals("already_attempted", api.post("/api/rounds/" + id + "/calibration/items/" + item + "/attempt", "{\"levels\":{\"response\":2}}", t1).expect(409).error());
        JsonObject results = api.get("/api/rounds/" + id + "/calibration/results", head()).expect(200).json();
        long qualified = results.getJsonArray("scorers").getValuesAs(JsonObject.class).stream().filter(s -> s.getBoolean("qualified")).count();
        assertEquals(3, qualified, "Nakamura missed the agreed score and the round asks for 100 %: " + results);

        assertEquals("scoring", f.move(id, "scoring").expect(200).json().getString("phase"));

        // Nakamura has not qualified: no live scoring yet.
        String t4 = f.token("demo-t-04");
        String t4first = api.get("/api/rounds/" + id + "/queue/next", t4).expect(200).json().getString("code");
        assertEquals("calibrate_first", api.put("/api/rounds/" + id + "/pieces/" + t4first + "/score", "{\"levels\":{\"response\":1}}", t4).expect(403).error());

        // Okafor scores her queue: draft, refused submissions, cap, submit, revise, stale lock.
        JsonObject queue = api.get("/api/rounds/" + id + "/queue", t1).expect(200).json();
        int allocated = queue.getInt("allocated");
        assertEquals(load.get(members.get("demo-t-01")), allocated);
        String code = api.get("/api/rounds/" + id + "/queue/next", t1).expect(200).json().getString("code");
        assertEquals(queue.getJsonArray("items").getJsonObject(0).getString("code"), code, "next = first of her own queue");
        JsonObject work = api.get("/api/rounds/" + id + "/pieces/" + code + "/work", t1).expect(200).json();
        assertEquals(1, work.getInt("position"));
        assertTrue(work.getJsonObject("rubric").getJsonArray("criteria").size() == 1);
        assertTrue(work.getJsonObject("anchors").getJsonObject("response").containsKey("2"), "the practice piece is the anchor for 2: " + work);
        assertTrue(absent(work, "score"), "no score yet");

        JsonObject draft = api.put("/api/rounds/" + id + "/pieces/" + code + "/score", "{\"levels\":{},\"rationale\":\"Reading…\",\"submit\":false}", t1)
                .expect(200).json();
        assertEquals("draft", draft.getString("state"));
        long v = draft.getJsonNumber("lock_version").longValue();
        Api.Reply incomplete = api.put("/api/rounds/" + id + "/pieces/" + code + "/score", "{\"lock_version\":" + v + ",\"levels\":{},\"submit\":true}", t1);
        assertEquals(422, incomplete.status(), incomplete.body());
        assertFalse(incomplete.json().getJsonArray("problems").isEmpty());
        Api.Reply capped = api.put("/api/rounds/" + id + "/pieces/" + code + "/score",
                "{\"lock_version\":" + v + ",\"levels\":{\"response\":2},\"caps\":[\"one-text-only\"],\"submit\":true}", t1);
        assertEquals(422, capped.status(), "a ticked cap holds the level at 1: " + capped.body());
        assertTrue(capped.body().contains("two texts"), capped.body());
        JsonObject submitted = api.put("/api/rounds/" + id + "/pieces/" + code + "/score",
                "{\"lock_version\":" + v + ",\"levels\":{\"response\":2},\"rationale\":\"Valid claim, both texts.\",\"submit\":true}", t1).expect(200).json();
        assertEquals("submitted", submitted.getString("state"));
        assertEquals("conflict", api.put("/api/rounds/" + id + "/pieces/" + code + "/score",
                "{\"lock_version\":" + v + ",\"levels\":{\"response\":1},\"submit\":true}", t1).expect(409).error(), "a stale lock version changes nothing");
        long v2 = submitted.getJsonNumber("lock_version").longValue();
        JsonObject revised = api.put("/api/rounds/" + id + "/pieces/" + code + "/score",
                "{\"lock_version\":" + v2 + ",\"levels\":{\"response\":1},\"rationale\":\"Only one text on reflection.\",\"caps\":[\"one-text-only\"],\"submit\":true}", t1)
                .expect(200).json();
        assertEquals(1, revised.getJsonObject("levels").getInt("response"));
        assertEquals(422, api.put("/api/rounds/" + id + "/pieces/" + code + "/score",
                "{\"lock_version\":" + revised.getJsonNumber("lock_version") + ",\"levels\":{},\"submit\":false}", t1).status(),
                "a submitted score never falls back to an incomplete draft");
        List<JsonObject> history = api.get("/api/rounds/" + id + "/pieces/" + code + "/score/history", t1).expect(200).json()
                .getJsonArray("changes").getValuesAs(JsonObject.class);
        assertEquals(3, history.size(), "draft, submission, revision: " + history);
        assertTrue(absent(history.get(0), "before"));
        assertTrue(history.get(2).getString("before").contains("\"response\":2") && history.get(2).getString("after").contains("\"response\":1"), history.toString());
        assertNotEquals(code, api.get("/api/rounds/" + id + "/queue/next", t1).expect(200).json().getString("code"), "next moves on");

        // A blank response needs no level; a sensitive flag reaches the moderators at once.
        String second = api.get("/api/rounds/" + id + "/queue/next", t1).expect(200).json().getString("code");
        api.put("/api/rounds/" + id + "/pieces/" + second + "/score", "{\"condition_code\":\"blank\",\"submit\":true}", t1).expect(200);
        assertEquals(400, api.put("/api/rounds/" + id + "/pieces/" + queue.getJsonArray("items").getJsonObject(2).getString("code") + "/score",
                "{\"condition_code\":\"illegible\"}", t1).status(), "only the moderators assign other condition codes");
        String third = api.get("/api/rounds/" + id + "/queue/next", t1).expect(200).json().getString("code");
        api.put("/api/rounds/" + id + "/pieces/" + third + "/score", "{\"levels\":{\"response\":1},\"flags\":[\"sensitive\"],"
                + "\"flag_note\":\"Mentions trouble at home.\",\"suggested_condition\":\"wrong_task\",\"submit\":false}", t1).expect(200);
        List<JsonObject> alerts = api.get("/api/rounds/alerts", head()).expect(200).json().getJsonArray("alerts").getValuesAs(JsonObject.class);
        JsonObject alert = alerts.stream().filter(a -> a.getString("round").equals(id)).findFirst().orElseThrow(() -> new AssertionError(alerts.toString()));
        assertEquals(third, alert.getString("code"));
        assertTrue(api.get("/api/rounds/alerts", t1).expect(200).json().getJsonArray("alerts").isEmpty(), "scorers get no alerts");

        JsonObject progress = api.get("/api/rounds/" + id + "/progress", head()).expect(200).json();
        assertEquals(24, progress.getInt("seats"));
        assertEquals(2, progress.getInt("submitted"));
        assertEquals(1, progress.getInt("drafts"));
        Set<String> kinds = new HashSet<>();
        progress.getJsonArray("flags").getValuesAs(JsonObject.class).forEach(fl -> kinds.add(fl.getString("kind")));
        assertEquals(Set.of("sensitive", "condition"), kinds, progress.toString());
        assertFalse(progress.toString().contains("\"levels\""), "progress carries counts, never scores");
        JsonObject sensitive = progress.getJsonArray("flags").getValuesAs(JsonObject.class).stream().filter(fl -> fl.getString("kind").equals("sensitive")).findFirst().orElseThrow();
        api.post("/api/rounds/" + id + "/flags/" + sensitive.getString("id") + "/acknowledge", "", head()).expect(200);
        assertTrue(api.get("/api/rounds/alerts", head()).expect(200).json().getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
                .noneMatch(a -> a.getString("round").equals(id)), "acknowledged: the alert stops");

        // Lindqvist drops out: her unstarted pieces go to colleagues; Okafor's started work stays put.
        JsonObject lindqvist = f.round(id).getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("id").equals(members.get("demo-t-02"))).findFirst().orElseThrow();
        api.put("/api/rounds/" + id + "/members/" + members.get("demo-t-02"), "{\"lock_version\":" + lindqvist.getJsonNumber("lock_version")
                + ",\"roles\":[\"scorer\"],\"teaches\":[\"Period 2\"],\"active\":false}", head()).expect(200);
        Set<String> before = codes(api.get("/api/rounds/" + id + "/queue", t1).expect(200).json());
        JsonObject rerun = f.allocate(id);
        assertFalse(rerun.getJsonObject("load").containsKey(members.get("demo-t-02")), rerun.toString());
        assertTrue(rerun.getInt("kept") >= 3, rerun.toString());
        assertEquals(6, rerun.getJsonObject("unallocated").size(),
                "Period 5's pieces now have one eligible scorer left, and the summary says so: " + rerun);
        assertTrue(rerun.getJsonObject("unallocated").values().stream().allMatch(r -> r.toString().contains("conflict of interest")), rerun.toString());
        Set<String> after = codes(api.get("/api/rounds/" + id + "/queue", t1).expect(200).json());
        assertTrue(after.containsAll(Set.of(code, second, third)), "scored and started pieces stay with their scorer");
        assertTrue(after.containsAll(before) || after.size() >= before.size(), "Okafor keeps her work: " + before + " → " + after);
        assertEquals(404, api.get("/api/rounds/" + id + "/queue", f.token("demo-t-02")).status(), "a scorer who left no longer reaches the round");

        // Scoring closes: scores can no longer change.
        assertEquals("moderation", f.move(id, "moderation").expect(200).json().getString("phase"));
        assertEquals("phase_refused", api.put("/api/rounds/" + id + "/pieces/" + code + "/score",
                "{\"levels\":{\"response\":2},\"submit\":true}", t1).expect(409).error());
    }

    @Test
    @DisplayName("a colleague from another course joins with the round code; the design shares out the work")
    void joinByCodeAndDesigns() throws Exception {
        String id = f.createRound("Cross-school moderation", rubric);
        String code = f.round(id).getString("join_code");
        assertEquals("round_not_found", api.post("/api/rounds/join", "{\"code\":\"ZZZZ-ZZZZ\"}", f.token("demo-t-03")).expect(404).error());
        JsonObject joined = api.post("/api/rounds/join", "{\"code\":" + Api.q(code.toLowerCase()) + "}", f.token("demo-t-03")).expect(200).json();
        assertEquals(List.of("scorer"), joined.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
        assertTrue(absent(joined, "members"), "a scorer's view lists no colleagues: " + joined);
        assertTrue(absent(joined, "join_code"));
        f.addScorer(id, "demo-t-01");
        f.addScorer(id, "demo-t-02");
        f.addScorer(id, "demo-t-04");
        f.addDemoPieces(id);
        // All score all, then half double-scored.
        api.put("/api/rounds/" + id, "{\"lock_version\":" + f.lock(id) + ",\"design\":{\"all_score_all\":true}}", head()).expect(200);
        JsonObject all = f.allocate(id);
        int total = all.getJsonObject("load").values().stream().mapToInt(x -> ((jakarta.json.JsonNumber) x).intValue()).sum();
        assertTrue(total < 48 && !all.getJsonObject("unallocated").isEmpty(), "with conflicts of interest no piece can have all four: " + all);
        api.put("/api/rounds/" + id, "{\"lock_version\":" + f.lock(id) + ",\"design\":{\"all_score_all\":false,\"scorers_per_piece\":2,"
                + "\"multi_scored_share\":0.5,\"seed\":\"42\"}}", head()).expect(200);
        JsonObject half = f.allocate(id);
        int seats = half.getJsonObject("load").values().stream().mapToInt(x -> ((jakarta.json.JsonNumber) x).intValue()).sum();
        assertEquals(18, seats, "six pieces twice, six once: " + half);
        assertEquals("42", half.getString("seed"));
        assertEquals(half.getJsonObject("load"), f.allocate(id).getJsonObject("load"), "the same seed gives the same allocation");
        assertEquals(409, api.put("/api/rounds/" + id, "{\"lock_version\":0,\"title\":\"Renamed\"}", head()).status(), "stale round edit");
    }

    static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private static Set<String> codes(JsonObject queue) {
        Set<String> codes = new HashSet<>();
        queue.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> codes.add(i.getString("code")));
        return codes;
    }
}
