package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reliability report of a scored round, over HTTP through the demo LMS: closed while scoring runs,
 * moderators only, and once the round is in moderation a scorer who scored every piece two points below
 * the others is named in plain language, beside the agreement figures and the Rasch tables.
 */
@ExtendWith(CalibrateServer.class)
class ReportsIT {

    @Test
    void harshScorerIsReadOutOnceScoringEnds() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        Api api = f.api;
        String round = f.createRound("Report round", f.shippedRubric("ny-short-response-2-point"));
        Map<String, Integer> levels = Map.of("demo-t-01", 2, "demo-t-03", 0, "demo-t-04", 2);
        for (String teacher : levels.keySet()) {
            f.addScorer(round, teacher, "Period 9");
        }
        f.addDemoPieces(round);
        f.allocate(round);
        f.move(round, "scoring").expect(200);
        String path = "/api/rounds/" + round + "/report";
        assertEquals("report_not_yet", api.get(path, f.token(RoundFixture.HEAD)).expect(409).error(), "scores stay blind while scoring runs");

        for (Map.Entry<String, Integer> scorer : levels.entrySet()) {
            String token = f.token(scorer.getKey());
            for (int guard = 0; guard < 20; guard++) {
                Api.Reply next = api.get("/api/rounds/" + round + "/queue/next", token);
                if (next.status() == 204) {
                    break;
                }
                String code = next.expect(200).json().getString("code");
                api.put("/api/rounds/" + round + "/pieces/" + code + "/score", "{\"levels\":{\"response\":" + scorer.getValue()
                        + "},\"submit\":true}", token).expect(200);
            }
        }
        f.move(round, "moderation").expect(200);

        assertEquals("moderators_only", api.get(path, f.token("demo-t-01")).expect(403).error(), "scorers do not read the report");
        assertEquals("round_not_found", api.get(path, f.token("demo-t-02")).expect(404).error());
        assertEquals(401, api.get(path, null).status());

        Api.Reply reply = api.get(path, f.token(RoundFixture.HEAD)).expect(200);
        JsonObject report = reply.json();
        assertEquals(12, report.getJsonObject("summary").getInt("pieces"));
        assertEquals(3, report.getJsonObject("summary").getInt("scorers"));
        assertTrue(report.getJsonObject("round").getJsonObject("exact").containsKey("value"));
        assertTrue(report.getJsonObject("rasch").containsKey("scorers"), report.getJsonObject("rasch").keySet().toString());
        assertTrue(report.getJsonObject("scorer_names").containsValue(jakarta.json.Json.createValue("Rachel Goldberg")));
        String readings = report.getJsonArray("readings").toString();
        assertTrue(readings.contains("Rachel Goldberg scores about 2 points lower than the other scorers of the same pieces on"), readings);
        assertFalse(reply.body().contains("demo-s-"), "no learner id in the report");
        assertEquals(3, report.getJsonArray("levels").size(), "one level distribution per scorer (one criterion)");
        assertEquals(3, report.getJsonArray("confusions").size(), "every pair of the three scorers shares pieces");

        Api.Reply csv = api.get(path + "/csv", f.token(RoundFixture.HEAD)).expect(200);
        assertTrue(csv.body().startsWith("section,scorer,second_scorer,criterion,statistic,value,lower,upper,pieces,reason"), csv.body());
        assertTrue(csv.body().contains("Rachel Goldberg"));
        assertEquals(403, api.get(path + "/csv", f.token("demo-t-01")).status());
        Api.Reply html = api.get(path + "/html", f.token(RoundFixture.HEAD)).expect(200);
        assertTrue(html.body().startsWith("<!DOCTYPE html>") && html.body().contains("Rachel Goldberg scores about 2 points lower"), html.body());
        assertEquals(403, api.get(path + "/html", f.token("demo-t-01")).status());

        // A scorer reads their own figures only: agreement with the others, never who the others are.
        Api.Reply mine = api.get(path + "/mine", f.token("demo-t-03")).expect(200);
        assertTrue(mine.json().getJsonArray("differences").getJsonObject(0).getJsonNumber("mean_difference").doubleValue() < -1.5, mine.body());
        for (String other : new String[] {"Adaeze", "Okafor", "Whitfield", "demo-t-01", "demo-t-04", "demo-s-"}) {
            assertFalse(mine.body().contains(other), "a scorer's own report names \"" + other + "\": " + mine.body());
        }
        assertEquals("scorers_only", api.get(path + "/mine", f.token(RoundFixture.HEAD)).expect(403).error());
        assertFalse(mine.json().containsKey("shared") && !mine.json().isNull("shared"), "nothing shared until the moderator says so");

        // The moderator shares the round's agreement: each scorer sees it beside their own, still without names.
        assertFalse(report.getBoolean("shared"));
        long lock = report.getJsonNumber("lock_version").longValue();
        assertEquals(409, api.put(path + "/sharing", "{\"lock_version\":" + (lock + 3) + ",\"shared\":true}", f.token(RoundFixture.HEAD)).status());
        assertEquals(403, api.put(path + "/sharing", "{\"lock_version\":" + lock + ",\"shared\":true}", f.token("demo-t-03")).status());
        assertTrue(api.put(path + "/sharing", "{\"lock_version\":" + lock + ",\"shared\":true}", f.token(RoundFixture.HEAD)).expect(200).json().getBoolean("shared"));
        Api.Reply sharedMine = api.get(path + "/mine", f.token("demo-t-03")).expect(200);
        JsonObject shared = sharedMine.json().getJsonObject("shared");
        assertEquals(12, shared.getInt("pieces"));
        assertEquals(1, shared.getJsonArray("criteria").size());
        for (String other : new String[] {"Adaeze", "Okafor", "Whitfield", "Nakamura", "demo-t-", "demo-s-"}) {
            assertFalse(sharedMine.body().contains(other), "shared figures name \"" + other + "\": " + sharedMine.body());
        }

        // The scoring chart: Goldberg's 0s against the others' 2s are discrepant and come first; the others agree.
        JsonObject chart = api.get("/api/rounds/" + round + "/chart", f.token(RoundFixture.HEAD)).expect(200).json();
        var pieces = chart.getJsonArray("pieces").getValuesAs(JsonObject.class);
        assertEquals(12, pieces.size());
        assertEquals("discrepant", pieces.get(0).getString("status"));
        assertEquals(2, pieces.get(0).getInt("spread"));
        assertEquals(2, pieces.get(0).getJsonArray("scores").size());
        assertTrue(pieces.stream().anyMatch(p -> p.getString("status").equals("agreed")), "Okafor and the third scorer agree");
        assertEquals(8, pieces.stream().filter(p -> p.getString("status").equals("discrepant")).count(), "Goldberg shares 8 of 12 pieces");
        Api.Reply chartCsv = api.get("/api/rounds/" + round + "/chart/csv", f.token(RoundFixture.HEAD)).expect(200);
        assertTrue(chartCsv.body().startsWith("piece,status,spread,scorer,condition_code,"), chartCsv.body());
        assertEquals(25, chartCsv.body().strip().split("\r?\n").length, "a header and one row per score");
        assertEquals("moderators_only", api.get("/api/rounds/" + round + "/chart", f.token("demo-t-01")).expect(403).error());
    }
}
