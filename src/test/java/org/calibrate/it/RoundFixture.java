package org.calibrate.it;

import jakarta.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo course's people with sessions, and rounds set up through the API the way a department
 * head does it: rubric, scorers from the roster with the classes they teach, the demo submissions,
 * a calibration set, allocation, phase moves.
 */
final class RoundFixture {
    static final String HEAD = "demo-dh-01";
    static final String ADMIN = "demo-adm-01";
    static final String LEARNER = "demo-s-01";
    /** Okafor and Lindqvist teach Period 2, Goldberg and Nakamura Period 5. */
    static final List<String> TEACHERS = List.of("demo-t-01", "demo-t-02", "demo-t-03", "demo-t-04");
    static final Map<String, String> TEACHES = Map.of("demo-t-01", "Period 2", "demo-t-02", "Period 2",
            "demo-t-03", "Period 5", "demo-t-04", "Period 5");

    final DemoFlow demo;
    final Api api;
    final Map<String, String> tokens = new HashMap<>();

    RoundFixture(String url) throws Exception {
        demo = new DemoFlow(url);
        api = new Api(demo.client());
        for (String person : List.of(HEAD, ADMIN, "demo-t-01", "demo-t-02", "demo-t-03", "demo-t-04")) {
            tokens.put(person, demo.session("/demo/api/launch", Map.of("person", person)));
        }
        api.post("/api/course/roster/sync", "", token(HEAD)).expect(200);
    }

    String token(String person) {
        return tokens.get(person);
    }

    String shippedRubric(String family) throws Exception {
        return api.get("/api/rubrics", token(HEAD)).expect(200).json().getJsonArray("rubrics").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("family").equals(family)).findFirst().orElseThrow().getString("id");
    }

    String createRound(String title, String rubricId) throws Exception {
        return api.post("/api/rounds", "{\"title\":" + Api.q(title) + ",\"task\":\"Argument essay: should our school start later?\","
                + "\"rubric_id\":" + Api.q(rubricId) + "}", token(HEAD)).expect(201).json().getString("id");
    }

    JsonObject round(String id) throws Exception {
        return api.get("/api/rounds/" + id, token(HEAD)).expect(200).json();
    }

    long lock(String id) throws Exception {
        return round(id).getJsonNumber("lock_version").longValue();
    }

    String addScorer(String roundId, String person) throws Exception {
        return addScorer(roundId, person, TEACHES.get(person));
    }

    String addScorer(String roundId, String person, String teaches) throws Exception {
        return api.post("/api/rounds/" + roundId + "/members", "{\"user_id\":" + Api.q(person) + ",\"roles\":[\"scorer\"],\"capacity\":1,"
                + "\"teaches\":[" + Api.q(teaches) + "]}", token(HEAD)).expect(201).json().getString("id");
    }

    void addDemoPieces(String roundId) throws Exception {
        assertEquals(12, api.post("/api/rounds/" + roundId + "/pieces/demo", "", token(HEAD)).expect(201).json().getInt("added"));
    }

    /** Releases the round's pieces to scorers, as a department head does after the review; a round that cannot be released stays as it is. */
    void release(String roundId) throws Exception {
        JsonObject r = api.get("/api/rounds/" + roundId + "/release", token(HEAD)).expect(200).json();
        if (!r.containsKey("released_at") || r.isNull("released_at")) {
            api.post("/api/rounds/" + roundId + "/release", "{\"lock_version\":" + r.getJsonNumber("lock_version").longValue() + "}", token(HEAD));
        }
    }

    /** A practice piece with its agreed level on every criterion. */
    String addCalibrationItem(String roundId, String levelsJson, String text) throws Exception {
        return api.post("/api/rounds/" + roundId + "/calibration/items", "{\"text\":" + Api.q(text) + ",\"levels\":" + levelsJson
                + ",\"annotation\":\"States a claim and supports it with both texts; the conclusion follows.\"}", token(HEAD))
                .expect(201).json().getString("id");
    }

    JsonObject allocate(String roundId) throws Exception {
        return api.post("/api/rounds/" + roundId + "/allocation", "{\"lock_version\":" + lock(roundId) + "}", token(HEAD)).expect(200).json();
    }

    Api.Reply move(String roundId, String phase) throws Exception {
        if (phase.equals("scoring")) {
            release(roundId);
        }
        return api.post("/api/rounds/" + roundId + "/phase", "{\"lock_version\":" + lock(roundId) + ",\"phase\":" + Api.q(phase) + "}", token(HEAD));
    }
}
