package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moderation over HTTP through the demo LMS: the discrepancy view under both tolerances and the adjacent rule, a
 * third scorer who scores blind, consensus with its audit trail, discussion threads with scorers anonymous to one
 * another until revealed, the meeting's reflection, finalising (frozen, reopened with a reason) and grades in the
 * demo gradebook.
 */
@ExtendWith(CalibrateServer.class)
class ModerationIT {
    /** Okafor and Nakamura give 2 everywhere; Goldberg 0 and 1 in turn (so her pairs are discrepant or adjacent). */
    static final List<String> SCORERS = List.of("demo-t-01", "demo-t-03", "demo-t-04");

    static String scoredRound(RoundFixture f, String title) throws Exception {
        String round = f.createRound(title, f.shippedRubric("ny-short-response-2-point"));
        for (String teacher : SCORERS) {
            f.addScorer(round, teacher, "Period 9");
        }
        f.addDemoPieces(round);
        f.allocate(round);
        f.move(round, "scoring").expect(200);
        // By the n-th piece a scorer scores: Goldberg alternates 0 and 1, so her pairs are both discrepant and adjacent.
        Map<String, java.util.function.IntUnaryOperator> levels = Map.of("demo-t-01", n -> 2, "demo-t-04", n -> 2, "demo-t-03", n -> n % 2);
        for (String teacher : SCORERS) {
            String token = f.token(teacher);
            for (int guard = 0; guard < 20; guard++) {
                Api.Reply next = f.api.get("/api/rounds/" + round + "/queue/next", token);
                if (next.status() == 204) {
                    break;
                }
                String code = next.expect(200).json().getString("code");
                f.api.put("/api/rounds/" + round + "/pieces/" + code + "/score", "{\"levels\":{\"response\":" + levels.get(teacher).applyAsInt(guard)
                        + "},\"rationale\":\"rationale by " + teacher + "\",\"submit\":true}", token).expect(200);
            }
        }
        return round;
    }

    @Test
    void discrepanciesAreSettledByTheRulesAThirdScorerAndConsensusThenFinalisedIntoTheGradebook() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        Api api = f.api;
        String head = f.token(RoundFixture.HEAD);
        String round = scoredRound(f, "Moderation round");
        String base = "/api/rounds/" + round + "/moderation";
        assertEquals("moderation_not_yet", api.get(base, head).expect(409).error(), "scores stay blind while scoring runs");
        f.move(round, "moderation").expect(200);
        assertEquals("moderators_only", api.get(base, f.token("demo-t-01")).expect(403).error());
        assertEquals("round_not_found", api.get(base, f.token("demo-t-02")).expect(404).error());

        // Exact tolerance: only Okafor–Nakamura pieces are agreed; Goldberg's are discrepant, the widest first.
        JsonObject view = api.get(base, head).expect(200).json();
        JsonObject counts = view.getJsonObject("counts");
        assertEquals(12, counts.getInt("pieces"));
        List<JsonObject> discrepant = view.getJsonArray("discrepant").getValuesAs(JsonObject.class);
        int agreed = counts.getInt("agreed");
        assertEquals(12, agreed + discrepant.size());
        assertTrue(discrepant.size() >= 6, "Goldberg scores two thirds of the pieces: " + view);
        for (int i = 1; i < discrepant.size(); i++) {
            assertTrue(discrepant.get(i - 1).getInt("spread") >= discrepant.get(i).getInt("spread"), "widest disagreement first");
        }
        view.getJsonArray("agreed").getValuesAs(JsonObject.class).forEach(g -> assertEquals(2, g.getInt("point")));
        long adjacent = discrepant.stream().filter(d -> d.getInt("spread") == 1).count();
        long apart = discrepant.stream().filter(d -> d.getInt("spread") == 2).count();
        assertTrue(adjacent > 0 && apart > 0, "both kinds of disagreement in the sample: " + discrepant);

        // Adjacent counts as agreed, mean rounded up: the adjacent pieces settle at 2, the rest stay discrepant.
        long lock = view.getJsonObject("rules").getJsonNumber("lock_version").longValue();
        api.put(base + "/rules", "{\"lock_version\":" + lock + ",\"tolerance\":\"adjacent\",\"adjacent_rule\":\"mean_up\"}", head).expect(200);
        assertEquals(409, api.put(base + "/rules", "{\"lock_version\":" + lock + ",\"tolerance\":\"exact\"}", head).status(), "stale version");
        view = api.get(base, head).expect(200).json();
        assertEquals(apart, view.getJsonArray("discrepant").size());
        assertEquals(agreed + adjacent, view.getJsonObject("counts").getInt("agreed"));
        JsonObject settled = view.getJsonArray("agreed").getValuesAs(JsonObject.class).stream()
                .flatMap(g -> g.getJsonArray("pieces").getValuesAs(JsonObject.class).stream()).filter(p -> !p.getBoolean("exact")).findFirst().orElseThrow();
        assertEquals("rule", settled.getJsonObject("final_score").getString("method"));
        assertEquals(2, settled.getJsonObject("final_score").getInt("total"));

        // Adjusted for severity: information first; it settles the discrepant pieces only once a moderator chooses the rule.
        JsonObject fair = api.get(base + "/fair", head).expect(200).json();
        assertTrue(fair.getBoolean("estimated"), fair.toString());
        lock = view.getJsonObject("rules").getJsonNumber("lock_version").longValue();
        api.put(base + "/rules", "{\"lock_version\":" + lock + ",\"discrepant_rule\":\"fair\"}", head).expect(200);
        JsonObject fairView = api.get(base, head).expect(200).json();
        assertEquals(0, fairView.getJsonObject("counts").getInt("waiting"), "every discrepant piece settled by the rule: " + fairView.getJsonObject("counts"));
        for (JsonObject d : fairView.getJsonArray("discrepant").getValuesAs(JsonObject.class)) {
            assertEquals("fair", d.getJsonObject("final_score").getString("method"));
            int level = d.getJsonObject("final_score").getJsonObject("levels").getInt("response");
            assertTrue(level >= 0 && level <= 2, d.toString());
        }
        lock = fairView.getJsonObject("rules").getJsonNumber("lock_version").longValue();
        api.put(base + "/rules", "{\"lock_version\":" + lock + ",\"discrepant_rule\":\"moderator\"}", head).expect(200);
        view = api.get(base, head).expect(200).json();

        // A discrepant piece beside both scores, their rationale and the rubric's words for the levels chosen.
        List<String> open = view.getJsonArray("discrepant").getValuesAs(JsonObject.class).stream().map(p -> p.getString("code")).toList();
        String first = open.get(0);
        JsonObject piece = api.get(base + "/pieces/" + first, head).expect(200).json();
        assertEquals("waiting", piece.getString("state"));
        assertFalse(piece.getString("text").isBlank());
        List<JsonObject> scores = piece.getJsonArray("scores").getValuesAs(JsonObject.class);
        assertEquals(2, scores.size());
        assertTrue(scores.stream().anyMatch(s -> s.getString("rationale").equals("rationale by demo-t-03")));
        assertTrue(scores.stream().allMatch(s -> !s.getJsonObject("descriptors").getString("response").isBlank()));
        assertEquals(1, piece.getJsonArray("third_scorers").size(), "the one scorer who has not scored it");

        // Third scorer: blind to the first two, then the piece settles at their score.
        JsonObject sent = api.post(base + "/pieces/" + first + "/adjudication", "{}", head).expect(200).json();
        assertEquals("adjudicating", sent.getString("state"));
        String third = sent.getJsonObject("adjudication").getString("name");
        String thirdToken = f.token(Map.of("Adaeze Okafor", "demo-t-01", "Rachel Goldberg", "demo-t-03", "Daniel Nakamura", "demo-t-04")
                .getOrDefault(third, "none"));
        assertNotEquals(null, thirdToken, "third scorer " + third);
        assertEquals(409, api.post(base + "/pieces/" + first + "/adjudication", "{}", head).status(), "one third scorer per piece");
        assertEquals(first, api.get("/api/rounds/" + round + "/queue/next", thirdToken).expect(200).json().getString("code"));
        Api.Reply work = api.get("/api/rounds/" + round + "/pieces/" + first + "/work", thirdToken).expect(200);
        assertFalse(work.body().contains("rationale by"), "the third scorer sees neither score: " + work.body());
        assertEquals("piece_not_found", api.get("/api/rounds/" + round + "/discussions/" + first, thirdToken).expect(404).error(),
                "nor the discussion, before scoring");
        api.put("/api/rounds/" + round + "/pieces/" + first + "/score", "{\"levels\":{\"response\":1},\"submit\":true}", thirdToken).expect(200);
        piece = api.get(base + "/pieces/" + first, head).expect(200).json();
        assertEquals("settled", piece.getString("state"));
        assertEquals("adjudication", piece.getJsonObject("final_score").getString("method"));
        assertEquals(1, piece.getJsonObject("final_score").getInt("total"));
        api.get("/api/rounds/" + round + "/discussions/" + first, thirdToken).expect(200);
        assertEquals(204, api.get("/api/rounds/" + round + "/queue/next", thirdToken).status(), "nothing more on their desk");

        // Consensus needs the rationale; it is audited, and a stale version is refused.
        String second = open.get(1);
        assertEquals(400, api.put(base + "/pieces/" + second + "/resolution", "{\"levels\":{\"response\":1}}", head).status());
        assertEquals(422, api.put(base + "/pieces/" + second + "/resolution", "{\"levels\":{},\"rationale\":\"x\"}", head).status());
        piece = api.put(base + "/pieces/" + second + "/resolution", "{\"levels\":{\"response\":1},\"rationale\":\"Partial: one reason, no detail.\"}", head)
                .expect(200).json();
        assertEquals("resolved", piece.getString("state"));
        JsonObject resolution = piece.getJsonObject("resolution");
        assertEquals("consensus", resolution.getString("method"));
        assertEquals("Patricia Whitfield", resolution.getString("resolved_by"));
        long resolutionLock = resolution.getJsonNumber("lock_version").longValue();
        assertEquals(409, api.put(base + "/pieces/" + second + "/resolution", "{\"lock_version\":" + (resolutionLock + 5)
                + ",\"levels\":{\"response\":2},\"rationale\":\"x\"}", head).status());
        String history = piece.getJsonArray("history").toString();
        assertTrue(history.contains("piece.resolved") && history.contains("Partial: one reason, no detail.") && history.contains("Patricia Whitfield"), history);

        // Discussion: scorers of the piece see each other's scores under labels; names only once the moderator reveals them.
        JsonObject mine = api.get("/api/rounds/" + round + "/discussions", f.token("demo-t-03")).expect(200).json();
        String disputed = mine.getJsonArray("pieces").getValuesAs(JsonObject.class).stream().map(p -> p.getString("code"))
                .filter(c -> !c.equals(first)).findFirst().orElseThrow();
        JsonObject thread = api.post("/api/rounds/" + round + "/discussions/" + disputed + "/posts", "{\"body\":\"I read the second reason as a restatement.\"}",
                f.token("demo-t-03")).expect(201).json();
        assertEquals(1, thread.getJsonArray("posts").size());
        Api.Reply other = api.get("/api/rounds/" + round + "/discussions/" + disputed, otherScorer(f, round, disputed, "demo-t-03")).expect(200);
        assertTrue(other.body().contains("I read the second reason as a restatement.") && other.body().contains("Scorer "), other.body());
        assertFalse(other.body().contains("Goldberg"), "scorers are anonymous to each other: " + other.body());
        assertFalse(other.body().contains("demo-s-"), "no student id in a discussion");
        assertEquals(404, api.get("/api/rounds/" + round + "/discussions/" + disputed, f.token("demo-t-02")).status());
        long roundLock = f.lock(round);
        api.put("/api/rounds/" + round + "/meeting/reveal", "{\"lock_version\":" + roundLock + ",\"revealed\":true}", head).expect(200);
        other = api.get("/api/rounds/" + round + "/discussions/" + disputed, otherScorer(f, round, disputed, "demo-t-03")).expect(200);
        assertTrue(other.body().contains("Rachel Goldberg"), "revealed: " + other.body());

        // The meeting: agreed work first, then discrepant; the reflection kept with optimistic locking.
        JsonObject meeting = api.get("/api/rounds/" + round + "/meeting", head).expect(200).json();
        assertEquals(view.getJsonObject("counts").getInt("agreed"), meeting.getJsonArray("agreed").size());
        JsonObject reflection = api.put("/api/rounds/" + round + "/meeting/reflection", "{\"task\":\"Ask for two reasons explicitly.\","
                + "\"instruction\":\"Teach elaboration.\",\"criteria\":\"Say what counts as a reason.\"}", head).expect(200).json();
        assertEquals(409, api.put("/api/rounds/" + round + "/meeting/reflection", "{\"task\":\"x\"}", head).status(), "a second first save is stale");
        api.put("/api/rounds/" + round + "/meeting/reflection", "{\"lock_version\":" + reflection.getJsonNumber("lock_version") + ",\"task\":\"Ask for two reasons.\"}", head)
                .expect(200);

        // A decision can be taken back: the piece waits again, and finalising waits for it.
        JsonObject undone = api.call("DELETE", base + "/pieces/" + second + "/resolution?lock_version=" + resolutionLock, null, head).expect(200).json();
        assertEquals("waiting", undone.getString("state"));
        assertTrue(undone.getJsonArray("history").toString().contains("piece.resolution-undone"));

        // Finalising waits for every piece, then freezes the round and returns each student's grade.
        String fin = "/api/rounds/" + round + "/final";
        JsonObject readiness = api.get(fin, head).expect(200).json().getJsonObject("readiness");
        assertFalse(readiness.getBoolean("ready"));
        assertTrue(readiness.getBoolean("gradebook"), "the round sits in the demo activity: " + readiness);
        assertEquals("not_ready", api.post(fin + "/finalise", "{\"lock_version\":" + f.lock(round) + "}", head).expect(422).error());
        for (String code : readiness.getJsonArray("waiting").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList()) {
            if (!code.equals(second)) {
                api.put(base + "/pieces/" + code + "/resolution", "{\"condition_code\":\"illegible\"}", head).expect(200);
            }
        }
        resolutionLock = api.put(base + "/pieces/" + second + "/resolution", "{\"levels\":{\"response\":1},\"rationale\":\"Partial: one reason, no detail.\"}", head)
                .expect(200).json().getJsonObject("resolution").getJsonNumber("lock_version").longValue();
        Instant finalisedAt = Instant.now().minusSeconds(2);
        JsonObject done = api.post(fin + "/finalise", "{\"lock_version\":" + f.lock(round) + ",\"return_grades\":true}", head).expect(200).json();
        assertEquals("finalised", done.getJsonObject("rules").getString("phase"));
        assertEquals("round_finalised", api.put(base + "/pieces/" + second + "/resolution", "{\"lock_version\":" + resolutionLock
                + ",\"levels\":{\"response\":2},\"rationale\":\"x\"}", head).expect(409).error(), "frozen");
        assertEquals("round_finalised", api.post("/api/rounds/" + round + "/discussions/" + disputed + "/posts", "{\"body\":\"late\"}",
                f.token("demo-t-03")).expect(409).error());
        List<JsonObject> grades = done.getJsonArray("grades").getValuesAs(JsonObject.class);
        assertEquals(12, grades.size(), "one grade per student of the demo course");
        assertTrue(grades.stream().allMatch(g -> g.containsKey("name") && g.getString("name").contains(" ")), "named for the moderator: " + grades);

        Map<String, Double> expected = new HashMap<>();
        grades.forEach(g -> expected.put(g.getString("user_id"), g.getJsonNumber("score_given").doubleValue() / g.getJsonNumber("score_maximum").doubleValue()));
        assertEquals(Map.of(), awaitGradebook(api, expected, finalisedAt, Duration.ofSeconds(60)),
                "the demo gradebook shows every student's final grade (as a share of its column); students without it, and what they show");
        List<JsonObject> after = api.get(fin, head).expect(200).json().getJsonArray("grades").getValuesAs(JsonObject.class);
        assertTrue(after.stream().allMatch(g -> g.getString("state").equals("sent")), after.toString());

        // Reopening is audited and needs a reason; the moderator's decisions survive it.
        assertEquals(400, api.post(fin + "/reopen", "{\"lock_version\":" + f.lock(round) + "}", head).status());
        JsonObject reopened = api.post(fin + "/reopen", "{\"lock_version\":" + f.lock(round) + ",\"reason\":\"A parent query on one piece.\"}", head)
                .expect(200).json();
        assertEquals("moderation", reopened.getJsonObject("rules").getString("phase"));
        assertEquals("resolved", api.get(base + "/pieces/" + second, head).expect(200).json().getString("state"));
        api.put(base + "/pieces/" + second + "/resolution", "{\"lock_version\":" + resolutionLock + ",\"levels\":{\"response\":2},"
                + "\"rationale\":\"On a second reading the detail is there.\"}", head).expect(200);
        assertEquals("settled", api.get(base + "/pieces/" + first, head).expect(200).json().getString("state"));
    }

    @Test
    void exemplarsAreKeptWithinConsentAndRetentionCheckedForAnonymityAndStartTheNextRoundsCalibration() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        Api api = f.api;
        String head = f.token(RoundFixture.HEAD);
        String round = scoredRound(f, "Exemplar round");
        f.move(round, "moderation").expect(200);
        String base = "/api/rounds/" + round + "/moderation";
        JsonObject view = api.get(base, head).expect(200).json();
        List<String> agreed = view.getJsonArray("agreed").getValuesAs(JsonObject.class).stream()
                .flatMap(g -> g.getJsonArray("pieces").getValuesAs(JsonObject.class).stream()).map(p -> p.getString("code")).toList();
        String clear = agreed.get(0);
        String disputed = view.getJsonArray("discrepant").getJsonObject(0).getString("code");
        String body = "{\"score_point\":2,\"annotation\":\"Two reasons, each backed by a detail from the text.\",\"task\":\"Later start essay\"}";

        // Strong, clear agreement only; the score point must be the piece's; retention within the school's limit.
        assertEquals("no_final_score", api.post(base + "/pieces/" + disputed + "/exemplars", body, head).expect(409).error());
        assertEquals(400, api.post(base + "/pieces/" + clear + "/exemplars", body.replace("\"score_point\":2", "\"score_point\":1"), head).status());
        assertEquals(400, api.post(base + "/pieces/" + clear + "/exemplars", body.replace("}", ",\"keep_until\":\"2099-01-01\"}"), head).status());
        assertEquals(403, api.post(base + "/pieces/" + clear + "/exemplars", body, f.token("demo-t-01")).status());

        // Consent: a recorded refusal stops it (the policy here is opt-out).
        String refused = agreed.get(1);
        api.put(base + "/pieces/" + refused + "/consent", "{\"consent\":\"declined\"}", head).expect(200);
        assertEquals("consent_required", api.post(base + "/pieces/" + refused + "/exemplars", body, head).expect(409).error());

        JsonObject kept = api.post(base + "/pieces/" + clear + "/exemplars", body, head).expect(201).json();
        String exemplar = kept.getString("id");
        assertEquals(1, kept.getJsonObject("piece").getInt("exemplars"));
        assertEquals("already_kept", api.post(base + "/pieces/" + clear + "/exemplars", body, head).expect(409).error());
        JsonObject library = api.get("/api/exemplars?task=" + java.net.URLEncoder.encode("Later start essay", java.nio.charset.StandardCharsets.UTF_8),
                f.token("demo-t-02")).expect(200).json();
        assertEquals(1, library.getJsonArray("exemplars").size(), "every teacher of the platform browses the library");
        JsonObject shown = library.getJsonArray("exemplars").getJsonObject(0);
        assertEquals(2, shown.getInt("score_point"));
        assertFalse(shown.getBoolean("anonymity_checked"));
        String rubric = shown.getString("rubric_id");

        // A name in an annotation never shows in the library, and the second check refuses it until it is gone.
        JsonObject named = api.put("/api/exemplars/" + exemplar, "{\"lock_version\":" + shown.getJsonNumber("lock_version")
                + ",\"annotation\":\"Reads like Maya Thompson's work: two reasons, each backed by a detail from the text.\"}", head).expect(200).json();
        assertEquals("Reads like [name] [name]'s work: two reasons, each backed by a detail from the text.", named.getString("annotation"));
        assertEquals("identity_found", api.post("/api/exemplars/" + exemplar + "/anonymity-check", "{\"lock_version\":"
                + named.getJsonNumber("lock_version") + "}", head).expect(422).error());
        shown = api.put("/api/exemplars/" + exemplar, "{\"lock_version\":" + named.getJsonNumber("lock_version")
                + ",\"annotation\":\"Two reasons, each backed by a detail from the text.\"}", head).expect(200).json();

        // Export waits for the second anonymity check, done by a moderator of the round, not any teacher.
        String anchors = "/api/exemplars/anchor-set?rubric=" + rubric + "&task=" + java.net.URLEncoder.encode("Later start essay", java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("anonymity_unchecked", api.get(anchors, head).expect(422).error());
        long lock = shown.getJsonNumber("lock_version").longValue();
        assertEquals(403, api.post("/api/exemplars/" + exemplar + "/anonymity-check", "{\"lock_version\":" + lock + "}", f.token("demo-t-02")).status());
        JsonObject checked = api.post("/api/exemplars/" + exemplar + "/anonymity-check", "{\"lock_version\":" + lock + "}", head).expect(200).json();
        assertTrue(checked.getBoolean("anonymity_checked"));
        Api.Reply html = api.get(anchors + "&format=html", head).expect(200);
        assertTrue(html.body().contains("Two reasons, each backed by a detail from the text."), html.body());
        assertFalse(html.body().contains("demo-s-"), "no student id in an anchor set");
        assertTrue(api.get(anchors + "&format=pdf", head).expect(200).body().startsWith("%PDF-"));

        // An edited annotation must be checked again.
        JsonObject edited = api.put("/api/exemplars/" + exemplar, "{\"lock_version\":" + checked.getJsonNumber("lock_version")
                + ",\"annotation\":\"Two reasons with details; a clear conclusion.\"}", head).expect(200).json();
        assertFalse(edited.getBoolean("anonymity_checked"));
        assertEquals(409, api.put("/api/exemplars/" + exemplar, "{\"lock_version\":" + lock + ",\"task\":\"x\"}", head).status(), "stale");

        // A second round on the same rubric starts its calibration set from the library.
        String next = f.createRound("Exemplar round, next year", rubric);
        JsonObject offered = api.get("/api/rounds/" + next + "/calibration/exemplars", head).expect(200).json();
        assertTrue(offered.getJsonArray("exemplars").getValuesAs(JsonObject.class).stream().anyMatch(o -> o.getString("id").equals(exemplar)), offered.toString());
        assertEquals(1, api.post("/api/rounds/" + next + "/calibration/exemplars", "{\"exemplar_ids\":[" + Api.q(exemplar) + "]}", head)
                .expect(200).json().getInt("added"));
        assertEquals(0, api.post("/api/rounds/" + next + "/calibration/exemplars", "{\"exemplar_ids\":[" + Api.q(exemplar) + "]}", head)
                .expect(200).json().getInt("added"), "added once");
        String items = api.get("/api/rounds/" + next + "/calibration/results", head).expect(200).body();
        assertTrue(items.contains("Two reasons with details; a clear conclusion."), items);

        // A refusal recorded later withdraws the exemplar at once, text and all.
        api.put(base + "/pieces/" + clear + "/consent", "{\"consent\":\"declined\"}", head).expect(200);
        assertEquals("exemplar_not_found", api.get("/api/exemplars/" + exemplar, head).expect(404).error());
        assertEquals(0, api.get("/api/exemplars?rubric=" + rubric + "&task=" + java.net.URLEncoder.encode("Later start essay", java.nio.charset.StandardCharsets.UTF_8), head)
                .expect(200).json().getJsonArray("exemplars").size());
    }

    @Test
    void exemplarsReScoredInTheNextRoundShowWhetherStandardsMoved() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        Api api = f.api;
        String head = f.token(RoundFixture.HEAD);
        String round = scoredRound(f, "Drift round, last year");
        f.move(round, "moderation").expect(200);
        JsonObject view = api.get("/api/rounds/" + round + "/moderation", head).expect(200).json();
        String exemplar = api.post("/api/rounds/" + round + "/moderation/pieces/" + view.getJsonArray("agreed").getJsonObject(0)
                        .getJsonArray("pieces").getJsonObject(0).getString("code") + "/exemplars",
                "{\"score_point\":2,\"annotation\":\"Both reasons, each with a detail.\"}", head).expect(201).json().getString("id");

        // This year: the kept exemplar is practice; both scorers give it 1 where last year's group agreed 2.
        String next = f.createRound("Drift round, this year", f.shippedRubric("ny-short-response-2-point"));
        api.post("/api/rounds/" + next + "/calibration/exemplars", "{\"exemplar_ids\":[" + Api.q(exemplar) + "]}", head).expect(200);
        for (String teacher : List.of("demo-t-01", "demo-t-03")) {
            f.addScorer(next, teacher, "Period 9");
        }
        f.addDemoPieces(next);
        f.allocate(next);
        f.move(next, "calibration").expect(200);
        String item = api.get("/api/rounds/" + next + "/calibration/results", head).expect(200).json().getJsonArray("items").getJsonObject(0).getString("id");
        for (String teacher : List.of("demo-t-01", "demo-t-03")) {
            api.post("/api/rounds/" + next + "/calibration/items/" + item + "/attempt", "{\"levels\":{\"response\":1}}", f.token(teacher)).expect(200);
        }
        f.move(next, "scoring").expect(200);
        for (String teacher : List.of("demo-t-01", "demo-t-03")) {
            for (int guard = 0; guard < 20; guard++) {
                Api.Reply n = api.get("/api/rounds/" + next + "/queue/next", f.token(teacher));
                if (n.status() == 204) {
                    break;
                }
                api.put("/api/rounds/" + next + "/pieces/" + n.expect(200).json().getString("code") + "/score",
                        "{\"levels\":{\"response\":2},\"submit\":true}", f.token(teacher)).expect(200);
            }
        }
        f.move(next, "moderation").expect(200);
        JsonObject report = api.get("/api/rounds/" + next + "/report", head).expect(200).json();
        JsonObject drift = report.getJsonArray("drift").getJsonObject(0);
        assertEquals("response", drift.getString("criterion"));
        assertEquals(-1.0, drift.getJsonObject("meanDifference").getJsonNumber("value").doubleValue(), 1e-9);
        assertEquals(2, drift.getInt("scores"));
        assertEquals(1, drift.getInt("anchors"));
        assertTrue(report.getJsonArray("readings").toString().contains("standards may have become harsher"), report.getJsonArray("readings").toString());
        assertTrue(api.get("/api/rounds/" + next + "/report/html", head).expect(200).body().contains("Standards across rounds"));
    }

    @Test
    void theScoringChartDownloadsAsAWorkbook() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        String round = scoredRound(f, "Workbook round");
        f.move(round, "moderation").expect(200);
        Api.Reply xlsx = f.api.get("/api/rounds/" + round + "/chart/xlsx", f.token(RoundFixture.HEAD)).expect(200);
        assertTrue(xlsx.body().startsWith("PK"), "an XLSX file is a zip");
        assertEquals(403, f.api.get("/api/rounds/" + round + "/chart/xlsx", f.token("demo-t-01")).status());
    }

    /** A scorer other than {@code not} who scored the piece (the moderator's piece view names them). */
    static String otherScorer(RoundFixture f, String round, String code, String not) throws Exception {
        Map<String, String> byName = Map.of("Adaeze Okafor", "demo-t-01", "Rachel Goldberg", "demo-t-03", "Daniel Nakamura", "demo-t-04");
        JsonObject piece = f.api.get("/api/rounds/" + round + "/moderation/pieces/" + code, f.token(RoundFixture.HEAD)).expect(200).json();
        List<String> people = new ArrayList<>();
        piece.getJsonArray("scores").getValuesAs(JsonObject.class).forEach(s -> people.add(byName.get(s.getString("name"))));
        return f.token(people.stream().filter(p -> p != null && !p.equals(not)).findFirst().orElseThrow());
    }

    /**
     * Waits until, for every student, a column of the demo gradebook shows the expected grade (as a share of its
     * maximum) with a timestamp since {@code since}; other tests return grades to the same course.
     * Returns what the columns showed for the students still missing their grade (empty once all arrived).
     */
    static Map<String, List<Double>> awaitGradebook(Api api, Map<String, Double> expected, Instant since, Duration wait) throws Exception {
        Instant deadline = Instant.now().plus(wait);
        Map<String, List<Double>> missing = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            Map<String, List<Double>> shown = new HashMap<>();
            JsonObject book = api.get("/demo/api/gradebook", null).expect(200).json();
            for (JsonObject li : book.getJsonArray("line_items").getValuesAs(JsonObject.class)) {
                for (JsonObject s : li.getJsonArray("scores").getValuesAs(JsonObject.class)) {
                    // Only grades stamped since finalising: earlier ones are other rounds' (or other tests').
                    if (s.isNull("timestamp") || Instant.parse(s.getString("timestamp")).isBefore(since)) {
                        continue;
                    }
                    shown.computeIfAbsent(s.getString("user_id"), k -> new ArrayList<>())
                            .add(s.getJsonNumber("score_given").doubleValue() / s.getJsonNumber("score_maximum").doubleValue());
                }
            }
            missing.clear();
            expected.forEach((student, share) -> {
                List<Double> columns = shown.getOrDefault(student, List.of());
                if (columns.stream().noneMatch(v -> Math.abs(v - share) < 1e-9)) {
                    missing.put(student, columns);
                }
            });
            if (missing.isEmpty()) {
                return missing;
            }
            Thread.sleep(500);
        }
        return missing;
    }
}
