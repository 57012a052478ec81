package org.calibrate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blindness to identity, end to end: a whole demo round (practice, scoring, a third scorer, discussion) with every
 * response a scorer receives scanned for any name, e-mail address or LMS user id of the demo course's people. A
 * moderator's practice note and a post that name a student are caught by the leak guard on the way out: the scorer
 * sees a label, and the moderators see a flag. Post authors (colleagues, named on purpose) are the one exception.
 */
@ExtendWith(CalibrateServer.class)
class ScorerPayloadsIT {
    private static final List<String> SCORERS = List.of("demo-t-01", "demo-t-03", "demo-t-04");

    @Test
    void noScorerFacingResponseCarriesAnIdentity() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        Api api = f.api;
        String head = f.token(RoundFixture.HEAD);
        List<String> identities = identities();
        List<String> seen = new ArrayList<>();

        String round = f.createRound("Blind round", f.shippedRubric("ny-short-response-2-point"));
        for (String t : SCORERS) {
            f.addScorer(round, t, "Period 9");
        }
        f.addDemoPieces(round);
        // A moderator's note names a student: the scorers must never read it.
        api.post("/api/rounds/" + round + "/calibration/items", "{\"text\":\"The first text shows courage when the girl speaks up.\","
                + "\"levels\":{\"response\":2},\"annotation\":\"Like Maya Thompson's essay (maya.thompson@students.riverside-ms.example.org): a clear 2.\"}",
                head).expect(201);
        f.allocate(round);
        f.move(round, "calibration").expect(200);
        String base = "/api/rounds/" + round;
        for (String t : SCORERS) {
            JsonObject practice = keep(seen, api.get(base + "/calibration", f.token(t)).expect(200)).json();
            String practiceItem = practice.getJsonArray("items").getJsonObject(0).getString("id");
            Api.Reply attempt = keep(seen, api.post(base + "/calibration/items/" + practiceItem + "/attempt", "{\"levels\":{\"response\":2}}", f.token(t)).expect(200));
            assertTrue(attempt.body().contains("Like [name] [name]'s essay ([email]): a clear 2."), attempt.body());
        }
        f.move(round, "scoring").expect(200);
        for (String t : SCORERS) {
            for (int guard = 0; guard < 20; guard++) {
                Api.Reply next = keep(seen, api.get(base + "/queue/next", f.token(t)));
                if (next.status() == 204) {
                    break;
                }
                String code = next.expect(200).json().getString("code");
                keep(seen, api.get(base + "/pieces/" + code + "/work", f.token(t)).expect(200));
                keep(seen, api.put(base + "/pieces/" + code + "/score", "{\"levels\":{\"response\":" + (t.equals("demo-t-03") ? 0 : 2)
                        + "},\"rationale\":\"Reasons and details.\",\"submit\":true}", f.token(t)).expect(200));
                keep(seen, api.get(base + "/pieces/" + code + "/score/history", f.token(t)).expect(200));
            }
            keep(seen, api.get(base + "/queue", f.token(t)).expect(200));
        }
        f.move(round, "moderation").expect(200);

        // A moderator's post names the student; the piece's scorers read a label instead, the moderators see a flag.
        String disputed = api.get(base + "/moderation", head).expect(200).json().getJsonArray("discrepant").getJsonObject(0).getString("code");
        api.post(base + "/discussions/" + disputed + "/posts", "{\"body\":\"Is this Diego Ramirez's? (demo-s-02)\"}", head).expect(201);
        for (String t : SCORERS) {
            keep(seen, api.get(base + "/discussions", f.token(t)).expect(200));
            keep(seen, api.get(base + "/report/mine", f.token(t)).expect(200));
            Api.Reply thread = api.get(base + "/discussions/" + disputed, f.token(t));
            if (thread.status() == 200) {
                keep(seen, thread);
                assertTrue(thread.body().contains("Is this [name] [name]'s? ([id])"), thread.body());
            }
        }
        JsonObject progress = api.get(base + "/progress", head).expect(200).json();
        assertTrue(progress.getJsonArray("flags").getValuesAs(JsonObject.class).stream()
                .anyMatch(fl -> fl.getString("kind").equals("leak") && fl.getString("code").equals(disputed)), progress.toString());

        assertTrue(seen.size() > 50, "a whole round's responses: " + seen.size());
        for (String reply : seen) {
            // A post's author is a colleague named on purpose ("Moderator Patricia Whitfield"); everything else is scanned.
            String body = reply.replaceAll("\"author\":\"[^\"]*\"", "\"author\":\"\"");
            for (String identity : identities) {
                assertTrue(!body.contains(identity), "a scorer received \"" + identity + "\": " + body);
            }
        }
    }

    private static Api.Reply keep(List<String> seen, Api.Reply reply) {
        seen.add(reply.body());
        return reply;
    }

    /** Every demo person's full name, family name, e-mail address and LMS user id. */
    private static List<String> identities() throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = ScorerPayloadsIT.class.getResourceAsStream("/demo/course.json")) {
            JsonObject course = Json.createReader(in).readObject();
            for (JsonObject p : course.getJsonArray("people").getValuesAs(JsonObject.class)) {
                out.add(p.getString("given_name") + " " + p.getString("family_name"));
                out.add(p.getString("family_name"));
                out.add(p.getString("email"));
                out.add(p.getString("id"));
            }
        }
        assertEquals(72, out.size(), "18 people");
        return out;
    }
}
