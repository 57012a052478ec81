package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Intake as a department head uses it: imports run as jobs with progress and per-submission outcomes,
 * importing again never duplicates, one student's file can be handed in by hand, bad files fail with a
 * reason, and pieces can be left out with a reason.
 */
@ExtendWith(CalibrateServer.class)
class IntakeIT {
    private static RoundFixture f;
    private static String rubric;

    @BeforeAll
    static void setUp() throws Exception {
        f = new RoundFixture(CalibrateServer.get().url());
        rubric = f.shippedRubric("ny-short-response-2-point");
    }

    private static String head() {
        return f.token(RoundFixture.HEAD);
    }

    static JsonObject awaitImport(Api api, String roundId, String jobId, String token) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            JsonObject d = api.get("/api/rounds/" + roundId + "/imports/" + jobId, token).expect(200).json();
            String state = d.getJsonObject("job").getString("state");
            if (state.equals("done") || state.equals("stopped")) {
                return d;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + jobId + " did not finish within 60 s");
    }

    private JsonObject importDemo(String roundId) throws Exception {
        JsonObject job = f.api.post("/api/rounds/" + roundId + "/imports/demo", "", head()).expect(202).json();
        assertEquals("queued", job.getString("state"));
        return awaitImport(f.api, roundId, job.getString("id"), head());
    }

    private List<JsonObject> pieces(String roundId) throws Exception {
        return f.api.get("/api/rounds/" + roundId + "/pieces", head()).expect(200).json().getJsonArray("pieces").getValuesAs(JsonObject.class);
    }

    @Test
    @DisplayName("the demo assignment imports as a job with progress; importing again adds nothing")
    void demoImportIsAJobAndIdempotent() throws Exception {
        String round = f.createRound("Intake: demo", rubric);
        JsonObject first = importDemo(round);
        JsonObject job = first.getJsonObject("job");
        assertEquals("done", job.getString("state"), first.toString());
        assertEquals(12, job.getInt("total"));
        assertEquals(12, job.getInt("added"));
        assertEquals(0, job.getInt("failed"));
        assertEquals(12, job.getInt("finished"));
        assertTrue(first.getJsonArray("items").getValuesAs(JsonObject.class).stream().allMatch(i -> i.getString("state").equals("added")
                && i.getString("piece").matches("[A-Z0-9-]+")));
        List<JsonObject> pieces = pieces(round);
        assertEquals(12, pieces.size());
        assertTrue(pieces.stream().allMatch(p -> p.getString("source").equals("demo") && p.getInt("words") > 0));
        String listing = f.api.get("/api/rounds/" + round + "/pieces", head()).body() + f.api.get("/api/rounds/" + round + "/imports/"
                + job.getString("id"), head()).body();
        for (String name : List.of("Maya", "Okafor", "demo-s-01")) {
            assertFalse(listing.contains(name), "no name or user id in the pieces list or the import: " + name);
        }

        JsonObject again = importDemo(round).getJsonObject("job");
        assertEquals(12, again.getInt("unchanged"), again.toString());
        assertEquals(0, again.getInt("added"));
        assertEquals(12, pieces(round).size(), "importing again never duplicates");

        JsonObject jobs = f.api.get("/api/rounds/" + round + "/imports", head()).expect(200).json();
        assertEquals(2, jobs.getJsonArray("imports").size());
        assertTrue(jobs.getJsonNumber("max_file_bytes").longValue() > 0);
    }

    @Test
    @DisplayName("the demo LMS as an Asset Processor: the handler registered, its students' notices arrive, the import makes a piece each")
    void demoAssetProcessor() throws Exception {
        String round = f.createRound("Intake: asset processor", rubric);
        String base = "/api/rounds/" + round + "/imports/assets";
        assertTrue(f.api.get(base, head()).expect(200).json().getBoolean("offered"), "the demo LMS's launch names its notice service");
        assertTrue(f.api.post(base + "/handler", "", head()).expect(200).json().containsKey("handler_registered_at"));
        // The demo's students have handed in already: the LMS sends their notices once the handler is registered.
        JsonObject activity = null;
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (activity == null && Instant.now().isBefore(until)) {
            List<JsonObject> activities = f.api.get(base, head()).expect(200).json().getJsonArray("activities").getValuesAs(JsonObject.class);
            activity = activities.isEmpty() ? null : activities.get(0);
            Thread.sleep(200);
        }
        assertTrue(activity != null, "the demo LMS's notices arrived");
        assertEquals(12, activity.getInt("students"));
        String job = f.api.post(base, "{\"activity_id\":" + Api.q(activity.getString("id")) + "}", head()).expect(202).json().getString("id");
        JsonObject done = awaitImport(f.api, round, job, head()).getJsonObject("job");
        assertEquals("done", done.getString("state"), done.toString());
        assertEquals(12, done.getInt("added"), done.toString());
        List<JsonObject> pieces = pieces(round);
        assertEquals(12, pieces.size());
        assertTrue(pieces.stream().allMatch(p -> p.getString("source").equals("asset") && p.getInt("words") > 0));
    }

    @Test
    @DisplayName("one student's file: added for the roster learner, replaced on a second upload, refused when empty")
    void uploadOneStudentsFile() throws Exception {
        String round = f.createRound("Intake: upload", rubric);
        JsonObject learners = f.api.get("/api/rounds/" + round + "/imports/learners", head()).expect(200).json();
        String learner = learners.getJsonArray("learners").getJsonObject(0).getString("user_id");
        String path = "/api/rounds/" + round + "/imports/upload?name=essay.txt&learner=" + learner;
        String text = "Should school start later?\n\nI think it should, because sleep matters for learning and for health.";
        JsonObject job = f.api.upload(path, text.getBytes(StandardCharsets.UTF_8), "application/octet-stream", head()).expect(202).json();
        JsonObject done = awaitImport(f.api, round, job.getString("id"), head()).getJsonObject("job");
        assertEquals(1, done.getInt("added"), done.toString());
        JsonObject second = f.api.upload(path, (text + " Also, buses.").getBytes(StandardCharsets.UTF_8), "text/plain", head()).expect(202).json();
        JsonObject changed = awaitImport(f.api, round, second.getString("id"), head()).getJsonObject("job");
        assertEquals(1, changed.getInt("updated"), "a second upload for the same student replaces the first: " + changed);
        assertEquals(1, pieces(round).size());

        assertEquals(400, f.api.upload("/api/rounds/" + round + "/imports/upload?name=empty.txt", new byte[0], "text/plain", head()).status());
        assertEquals(400, f.api.upload("/api/rounds/" + round + "/imports/upload?name=x.txt&learner=nobody", "x".getBytes(StandardCharsets.UTF_8),
                "text/plain", head()).status());
        assertEquals(400, f.api.upload("/api/rounds/" + round + "/imports/upload", "x".getBytes(StandardCharsets.UTF_8), "text/plain", head()).status());
    }

    @Test
    @DisplayName("a corrupt or encrypted file fails with its reason; resuming tries it again; nothing half-made")
    void badFilesFailPerItem() throws Exception {
        String round = f.createRound("Intake: bad files", rubric);
        byte[] brokenPdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> broken".getBytes(StandardCharsets.ISO_8859_1);
        JsonObject job = f.api.upload("/api/rounds/" + round + "/imports/upload?name=essay.pdf", brokenPdf, "application/pdf", head()).expect(202).json();
        JsonObject detail = awaitImport(f.api, round, job.getString("id"), head());
        assertEquals(1, detail.getJsonObject("job").getInt("failed"), detail.toString());
        JsonObject item = detail.getJsonArray("items").getJsonObject(0);
        assertEquals("failed", item.getString("state"));
        assertTrue(item.getString("reason").toLowerCase().contains("pdf"), item.toString());
        assertTrue(pieces(round).isEmpty());

        JsonObject resumed = f.api.post("/api/rounds/" + round + "/imports/" + job.getString("id") + "/resume", "", head()).expect(200).json();
        assertEquals("queued", resumed.getString("state"));
        assertEquals(0, resumed.getInt("failed"));
        JsonObject again = awaitImport(f.api, round, job.getString("id"), head()).getJsonObject("job");
        assertEquals(1, again.getInt("failed"), "still failing, and counted once: " + again);
        assertTrue(pieces(round).isEmpty());

        byte[] script = "<html><body><p>My essay about sleep and school.</p><script>alert(1)</script><p onclick='x()'>More.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        JsonObject html = f.api.upload("/api/rounds/" + round + "/imports/upload?name=essay.html", script, "text/html", head()).expect(202).json();
        assertEquals(1, awaitImport(f.api, round, html.getString("id"), head()).getJsonObject("job").getInt("added"));
    }

    private static byte[] zip(java.util.Map<String, byte[]> entries) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a Moodle export ZIP: students matched by name, bad entries and files reported, again without duplicates; hostile ZIPs refused")
    void exportZip() throws Exception {
        String round = f.createRound("Intake: export ZIP", rubric);
        List<JsonObject> learners = f.api.get("/api/rounds/" + round + "/imports/learners", head()).expect(200).json()
                .getJsonArray("learners").getValuesAs(JsonObject.class);
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            entries.put(learners.get(i).getString("name") + "_" + (500 + i) + "_assignsubmission_file_essay.txt",
                    utf8("Later start times would help students sleep, essay " + i + "."));
        }
        entries.put("Nobody Onroster_599_assignsubmission_file_essay.txt", utf8("An essay by someone the roster does not know."));
        entries.put(learners.get(3).getString("name") + "_503_assignsubmission_file_essay.pdf", utf8("%PDF-1.7 cut short"));
        entries.put("../../escape.txt", utf8("outside"));
        byte[] export = zip(entries);
        String path = "/api/rounds/" + round + "/imports/zip?name=submissions.zip";
        JsonObject first = awaitImport(f.api, round, f.api.upload(path, export, "application/zip", head()).expect(202).json().getString("id"), head());
        JsonObject job = first.getJsonObject("job");
        assertEquals("done", job.getString("state"), first.toString());
        assertEquals(5, job.getInt("total"), first.toString());
        assertEquals(4, job.getInt("added"));
        assertEquals(1, job.getInt("failed"), "the damaged PDF fails its own submission");
        String message = job.getString("message");
        assertFalse(message.contains("Nobody") || message.contains(learners.get(0).getString("name")), "no names in the import's message: " + message);
        assertTrue(message.toLowerCase().contains("left out") || message.toLowerCase().contains("outside"), "the traversal entry is reported: " + message);
        assertTrue(pieces(round).stream().allMatch(p -> p.getString("source").equals("export_zip")));

        JsonObject again = awaitImport(f.api, round, f.api.upload(path, export, "application/zip", head()).expect(202).json().getString("id"), head())
                .getJsonObject("job");
        assertEquals(4, again.getInt("unchanged"), again.toString());
        assertEquals(4, pieces(round).size(), "the same ZIP again adds nothing");

        JsonObject notZip = awaitImport(f.api, round, f.api.upload(path, utf8("just text, no archive"), "application/zip", head())
                .expect(202).json().getString("id"), head()).getJsonObject("job");
        assertEquals("stopped", notZip.getString("state"), notZip.toString());
        assertTrue(notZip.getString("message").toLowerCase().contains("zip"), notZip.toString());

        // 300 MiB of zeros in one entry: refused while inflating, never held.
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bomb)) {
            z.putNextEntry(new java.util.zip.ZipEntry(learners.get(4).getString("name") + "_504_assignsubmission_file_essay.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        JsonObject bombed = awaitImport(f.api, round, f.api.upload(path, bomb.toByteArray(), "application/zip", head())
                .expect(202).json().getString("id"), head()).getJsonObject("job");
        assertEquals(0, bombed.getInt("added"), bombed.toString());
        assertTrue(bombed.containsKey("message") && !bombed.isNull("message"), "the bomb is reported: " + bombed);
        assertEquals(4, pieces(round).size());
    }

    @Test
    @DisplayName("a piece left out with a reason is not allocated or counted; it can be taken back")
    void exclusions() throws Exception {
        String round = f.createRound("Intake: exclusions", rubric);
        importDemo(round);
        String code = pieces(round).get(0).getString("code");
        String url = "/api/rounds/" + round + "/pieces/" + code + "/exclusion";
        assertEquals(400, f.api.put(url, "{\"reason\":\"other\"}", head()).status(), "other needs a note");
        assertEquals(400, f.api.put(url, "{\"reason\":\"bored\"}", head()).status());
        JsonObject row = f.api.put(url, "{\"reason\":\"consent_declined\",\"note\":\"Parent's opt-out on file\"}", head()).expect(200).json();
        assertEquals("consent_declined", row.getString("excluded"));
        assertEquals(11, f.round(round).getInt("pieces"));
        f.addScorer(round, "demo-t-01");
        f.addScorer(round, "demo-t-03");
        f.allocate(round);
        JsonObject excluded = pieces(round).stream().filter(p -> p.getString("code").equals(code)).findFirst().orElseThrow();
        assertEquals(0, excluded.getInt("scorers"), "a piece left out gets no scorers");
        assertNotNull(excluded.getString("excluded_note"));
        f.api.delete(url, head()).expect(200);
        assertEquals(12, f.round(round).getInt("pieces"));
        assertTrue(f.round(round).getBoolean("allocation_stale"), "taking a piece back outdates the allocation");
    }
}
