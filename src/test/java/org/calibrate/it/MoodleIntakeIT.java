package org.calibrate.it;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import org.calibrate.intake.moodle.FakeMoodle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Intake from Moodle's web services against a fake Moodle on loopback (Moodle's reply shapes and errors): the admin
 * sets the token (stored sealed, never shown), a department head picks the assignment, the import survives a
 * refused token and a killed server, and never makes a piece twice.
 */
class MoodleIntakeIT {
    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private static final String ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
    private static final int STUDENTS = 30;

    @TempDir
    static Path work;
    static TestPlatform platform;
    static FakeMoodle moodle;
    static CalibrateServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        platform = new TestPlatform();
        moodle = FakeMoodle.start();
        FakeMoodle.Course course = moodle.course(5, "English 8");
        FakeMoodle.Group period2 = course.group(21, "Period 2");
        FakeMoodle.Assignment essay = course.assignment(7, 42, "Argument essay");
        course.assignment(8, 43, "Reading log");
        for (int i = 1; i <= STUDENTS; i++) {
            course.student(100 + i, "Student " + i, period2);
            essay.submission(100 + i).file("essay.txt", "text/plain", ("Schools should start later, says student number " + i
                    + ", because teenagers sleep later and learn better after nine o'clock in the morning.").getBytes(StandardCharsets.UTF_8));
        }
        course.student(200, "Late Starter", period2);
        essay.submission(200).status("new");
        start(Map.of());
    }

    private static void start(Map<String, String> more) throws Exception {
        Path config = Files.createDirectories(work.resolve("lti-config/platforms"));
        for (Map.Entry<String, String> f : platform.platformFiles().entrySet()) {
            Files.writeString(config.resolve(f.getKey()), f.getValue());
        }
        Map<String, String> settings = new java.util.HashMap<>(Map.of("CALIBRATE_INTAKE_POLL", "PT0.3S", "CALIBRATE_INTAKE_LEASE", "PT3S",
                "CALIBRATE_DATA_KEY", "c2VjcmV0LWtleS1mb3ItdGhlLXRlc3RzLW9ubHktMzI=")); // test fixture key, 32 bytes
        settings.putAll(more);
        server = CalibrateServer.startSeparate(platform, work, settings, "it-moodle-intake-server.log");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (moodle != null) {
            moodle.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /** A launch from course 5 (Moodle names a course by its id in the context claim). */
    private static String session(String subject, String role) throws Exception {
        LtiClient client = new LtiClient(server.url());
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(), role).subject(subject)
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "5", "title", "English 8", "label", "ENG8",
                        "type", List.of("CourseSection"))).build();
        return client.session(client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie()));
    }

    private static Api api() {
        return new Api(new LtiClient(server.url()));
    }

    @Test
    @DisplayName("admin sets the token; the head picks the assignment; refused token stops, resume finishes; kill -9 mid-import resumes without duplicates")
    void moodleImport() throws Exception {
        String admin = session("moodle-admin", ADMIN);
        Api api = api();
        long platformId = api.get("/api/admin/platforms", admin).expect(200).json().getJsonArray("platforms").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals(platform.issuer()) && p.getString("client_id").equals(TestPlatform.CLIENT_ID)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        String connection = "/api/admin/platforms/" + platformId + "/moodle";
        assertEquals(400, api.put(connection, "{\"site_url\":\"http://moodle.example\",\"token\":" + Api.q(moodle.token()) + "}", admin).status(),
                "plain HTTP only on this machine");
        JsonObject set = api.put(connection, "{\"site_url\":" + Api.q(moodle.siteUrl().toString()) + ",\"token\":" + Api.q(moodle.token()) + "}", admin)
                .expect(200).json();
        assertTrue(set.getBoolean("token_set"));
        String shown = api.get(connection, admin).expect(200).body();
        assertFalse(shown.contains(moodle.token()), "the token is never shown again");
        assertFalse(Files.readString(server.logFile()).contains(moodle.token()), "nor logged");

        String head = session("moodle-head", INSTRUCTOR);
        String rubric = api.get("/api/rubrics", head).expect(200).json().getJsonArray("rubrics").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("family").equals("ny-short-response-2-point")).findFirst().orElseThrow().getString("id");
        String round = api.post("/api/rounds", "{\"title\":\"Moodle essays\",\"rubric_id\":" + Api.q(rubric) + "}", head).expect(201).json().getString("id");
        List<JsonObject> assignments = api.get("/api/rounds/" + round + "/imports/moodle/assignments", head).expect(200).json()
                .getJsonArray("assignments").getValuesAs(JsonObject.class);
        assertEquals(List.of("Argument essay", "Reading log"), assignments.stream().map(a -> a.getString("name")).sorted().toList());
        assertEquals(400, api.post("/api/rounds/" + round + "/imports/moodle", "{\"assignment_id\":999}", head).status());

        // The token's account lacks mod/assign:grade: the import stops and says which capability, resumable.
        moodle.revoke("mod/assign:grade");
        String job = api.post("/api/rounds/" + round + "/imports/moodle", "{\"assignment_id\":7}", head).expect(202).json().getString("id");
        JsonObject stopped = IntakeIT.awaitImport(api, round, job, head).getJsonObject("job");
        assertEquals("stopped", stopped.getString("state"), stopped.toString());
        assertTrue(stopped.getString("message").contains("mod/assign:grade"), stopped.toString());
        moodle.grant("mod/assign:grade");

        // Slow downloads make the import long enough to kill the server in its middle.
        moodle.slowBy(Duration.ofMillis(150)).fault(FakeMoodle.Fault.SLOW);
        api.post("/api/rounds/" + round + "/imports/" + job + "/resume", "", head).expect(200);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        int finished = 0;
        while (Instant.now().isBefore(until) && finished < 3) {
            finished = api.get("/api/rounds/" + round + "/imports/" + job, head).expect(200).json().getJsonObject("job").getInt("finished");
            Thread.sleep(50);
        }
        assertTrue(finished >= 3 && finished < STUDENTS, "killed mid-import, after " + finished + " of " + STUDENTS);
        server.process().destroyForcibly().waitFor();
        moodle.clearFaults();
        start(Map.of());
        head = session("moodle-head", INSTRUCTOR);
        api = api();
        JsonObject done = IntakeIT.awaitImport(api, round, job, head).getJsonObject("job");
        assertEquals("done", done.getString("state"), done.toString());
        assertEquals(STUDENTS, done.getInt("total"), "a draft-less 'new' row is no submission");
        assertEquals(STUDENTS, done.getInt("added"), "every submission became a piece exactly once: " + done);
        List<JsonObject> pieces = api.get("/api/rounds/" + round + "/pieces", head).expect(200).json().getJsonArray("pieces").getValuesAs(JsonObject.class);
        assertEquals(STUDENTS, pieces.size(), "no duplicates after the kill");
        assertTrue(pieces.stream().allMatch(p -> p.getString("source").equals("moodle") && "Period 2".equals(p.getString("origin", null))));

        // Importing again: nothing new; a resubmission in Moodle changes one piece.
        JsonObject again = IntakeIT.awaitImport(api, round,
                api.post("/api/rounds/" + round + "/imports/moodle", "{\"assignment_id\":7}", head).expect(202).json().getString("id"), head).getJsonObject("job");
        assertEquals(STUDENTS, again.getInt("unchanged"), again.toString());
        assertEquals(STUDENTS, api.get("/api/rounds/" + round + "/pieces", head).expect(200).json().getJsonArray("pieces").size());
        String log = Files.readString(server.logFile(), StandardCharsets.UTF_8);
        assertFalse(log.contains(moodle.token()), "the token never reaches the log");
    }
}
