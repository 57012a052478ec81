package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who reaches the exemplar library: teachers and admins with a session, never a caller without one, and never a
 * student (a learner's launch opens no session). The school's consent policy and retention come with the library;
 * an exemplar that is not in it, and an anchor set without its rubric, are refused with their codes.
 */
@ExtendWith(CalibrateServer.class)
class ExemplarLibraryAccessIT {
    static RoundFixture f;
    static Api api;

    @BeforeAll
    static void setUp() throws Exception {
        f = new RoundFixture(CalibrateServer.get().url());
        api = f.api;
    }

    @Test
    @DisplayName("without a session the library answers 401, with or without a rubric")
    void needsASession() throws Exception {
        for (String path : List.of("/api/exemplars", "/api/exemplars/anchor-set?rubric=x", "/api/exemplars/no-such-id")) {
            assertEquals("unauthenticated", api.get(path, null).expect(401).error(), path);
            assertEquals("session_ended", api.get(path, "not-a-token").expect(401).error(), path);
        }
    }

    @Test
    @DisplayName("a learner's launch opens no session, so students never reach the library")
    void learnersGetNoSession() throws Exception {
        var launch = f.demo.launch("/demo/api/launch", Map.of("person", RoundFixture.LEARNER));
        assertEquals(200, launch.statusCode());
        assertTrue(launch.headers().firstValue("Location").isEmpty(), "no launch code for the app");
        assertTrue(launch.body().contains("Calibrate is for your teachers"), launch.body());
    }

    @Test
    @DisplayName("teachers and admins browse the library, with the default consent policy (opt-out) and retention (five years)")
    void teachersAndAdminsBrowse() throws Exception {
        for (String person : List.of("demo-t-02", RoundFixture.HEAD, RoundFixture.ADMIN)) {
            JsonObject library = api.get("/api/exemplars", f.token(person)).expect(200).json();
            assertEquals("opt-out", library.getString("consent_policy"), person + ": " + library);
            assertEquals("P5Y", library.getString("retention"), person + ": " + library);
            assertNotNull(library.getJsonArray("tasks"), library.toString());
            assertNotNull(library.getJsonObject("rubrics"), library.toString());
            assertNotNull(library.getJsonArray("exemplars"), library.toString());
        }
    }

    @Test
    @DisplayName("an exemplar not in the library: 404 exemplar_not_found, to read it or to change it")
    void unknownExemplar() throws Exception {
        String teacher = f.token("demo-t-02");
        String admin = f.token(RoundFixture.ADMIN);
        assertEquals("exemplar_not_found", api.get("/api/exemplars/no-such-id", teacher).expect(404).error());
        assertEquals("exemplar_not_found", api.put("/api/exemplars/no-such-id", "{\"lock_version\":0,\"task\":\"x\"}", admin).expect(404).error());
        assertEquals("exemplar_not_found", api.post("/api/exemplars/no-such-id/anonymity-check", "{\"lock_version\":0}", admin).expect(404).error());
        assertEquals("exemplar_not_found", api.call("DELETE", "/api/exemplars/no-such-id?lock_version=0", "", admin).expect(404).error());
        // Without the lock_version the request itself is incomplete, whatever the exemplar.
        assertEquals("invalid", api.call("DELETE", "/api/exemplars/no-such-id", "", admin).expect(400).error());
    }

    @Test
    @DisplayName("an anchor set needs its rubric and a known format; a rubric without exemplars has none to export")
    void anchorSetRequests() throws Exception {
        String teacher = f.token("demo-t-02");
        assertEquals("invalid", api.get("/api/exemplars/anchor-set", teacher).expect(400).error());
        assertEquals("invalid", api.get("/api/exemplars/anchor-set?rubric=", teacher).expect(400).error());
        assertEquals("invalid", api.get("/api/exemplars/anchor-set?rubric=x&format=docx", teacher).expect(400).error());
        assertEquals("no_exemplars", api.get("/api/exemplars/anchor-set?rubric=no-such-rubric", teacher).expect(404).error());
    }
}
