package org.calibrate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole LTI Advantage flow through the built-in demo LMS, over HTTP: the admin registers the
 * tool dynamically, a department head places a round by deep linking, the placed activity launches
 * with its gradebook column, the roster comes from NRPS, and a returned score shows in the demo gradebook.
 */
@ExtendWith(CalibrateServer.class)
class DemoAdvantageIT {
    static DemoFlow demo;

    @BeforeAll
    static void start() throws Exception {
        demo = new DemoFlow(CalibrateServer.get().url());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    @DisplayName("dynamic registration, deep linking, roster and grade return, end to end in the demo LMS")
    void wholeFlow() throws Exception {
        LtiClient client = demo.client();
        // 1. The admin registers Calibrate: the LMS opens the tool's registration URL with its configuration and a token.
        JsonObject start = json(client.postJson("/demo/api/registrations", "", null).body());
        URI registration = URI.create(start.getString("registration_url"));
        HttpResponse<String> registered = client.get(registration.getRawPath() + "?" + registration.getRawQuery(), null);
        assertEquals(200, registered.statusCode(), registered.body());
        assertTrue(registered.body().contains("Client ID: calibrate-demo-registered"), registered.body());
        JsonObject course = json(client.get("/demo/api/course", null).body());
        assertEquals("calibrate-demo-registered", course.getString("active_client_id"), "the demo LMS now launches with the new registration");

        // 2. The department head adds Calibrate to the course through deep linking.
        String head = demo.session("/demo/api/deep-link", Map.of("person", "demo-dh-01"));
        assertEquals("deep_linking", json(client.get("/api/me", head).body()).getString("purpose"));
        JsonObject form = json(client.postJson("/api/deep-linking/response",
                "{\"title\":\"Argument essay round\",\"score_maximum\":10}", head).body());
        HttpResponse<String> returned = client.post(URI.create(form.getString("action")).getPath(),
                Map.of("JWT", form.getJsonObject("fields").getString("JWT")), null);
        assertEquals(200, returned.statusCode(), returned.body());
        assertTrue(returned.body().contains("Added: Argument essay round"), returned.body());
        JsonObject activity = json(client.get("/demo/api/course", null).body()).getJsonArray("activities").getValuesAs(JsonObject.class)
                .stream().filter(a -> a.getString("title").equals("Argument essay round")).reduce((a, b) -> b).orElseThrow();
        assertTrue(activity.get("line_item_id") instanceof jakarta.json.JsonString, "the activity came with its gradebook column");

        // 3. Launching the new activity lands on the placement deep linking made.
        String session = demo.session("/demo/api/launch", Map.of("person", "demo-dh-01", "activity", activity.getString("resource_link_id")));
        JsonObject placement = json(client.get("/api/me", session).body()).getJsonObject("placement");
        assertEquals(form.getString("placement_id"), placement.getString("id"));
        assertTrue(placement.getBoolean("grade_return"));

        // 4. The roster comes from the demo LMS's NRPS (short role names, everyone in one page unless asked).
        JsonObject roster = json(client.postJson("/api/course/roster/sync", "", session).body());
        assertEquals(6, roster.getJsonArray("teachers").size(), "four teachers, the department head and the site admin (also Instructor): " + roster);
        assertEquals(12, roster.getInt("learner_count"));

        // 5. A score goes out through the outbox and shows in the demo gradebook, rescaled to the column.
        HttpResponse<String> queued = client.postJson("/api/placement/grades",
                "{\"user_id\":\"demo-s-03\",\"score_given\":8,\"comment\":\"Clear claim, two sources.\"}", session);
        assertEquals(202, queued.statusCode(), queued.body());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        String shown = null;
        while (Instant.now().isBefore(deadline) && shown == null) {
            JsonObject book = json(client.get("/demo/api/gradebook", null).body());
            shown = book.getJsonArray("line_items").getValuesAs(JsonObject.class).stream()
                    .filter(li -> li.getString("id").equals(activity.getString("line_item_id")))
                    .flatMap(li -> li.getJsonArray("scores").getValuesAs(JsonObject.class).stream())
                    .filter(s -> s.getString("user_id").equals("demo-s-03"))
                    .map(s -> s.getJsonNumber("score_given").doubleValue() + "/" + s.getJsonNumber("score_maximum").doubleValue())
                    .findFirst().orElse(null);
            Thread.sleep(500);
        }
        assertEquals("8.0/10.0", shown);
        List<JsonObject> items = json(client.get("/api/placement/grades", session).body()).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals("sent", items.get(0).getString("state"));
    }
}
