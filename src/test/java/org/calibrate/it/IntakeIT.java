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

    private static byte[] pdf(String text, String author) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream c = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                c.beginText();
                c.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                c.newLineAtOffset(72, 700);
                c.showText(text);
                c.endText();
            }
            doc.getDocumentInformation().setAuthor(author);
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] picture(String text) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1400, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 56));
        g.drawString(text, 40, 120);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("scorers get files rebuilt from the redacted content: a PDF without the name or its author, a photo with the name covered and marked for a check")
    void scorerFiles() throws Exception {
        String round = f.createRound("Intake: scorer files", rubric);
        JsonObject learner = f.api.get("/api/rounds/" + round + "/imports/learners", head()).expect(200).json().getJsonArray("learners").getJsonObject(1);
        String name = learner.getString("name");
        String upload = "/api/rounds/" + round + "/imports/upload?learner=" + learner.getString("user_id") + "&name=";
        awaitImport(f.api, round, f.api.upload(upload + "essay.pdf", pdf("Essay by " + name + ": rivers carry trade to the towns.", name),
                "application/pdf", head()).expect(202).json().getString("id"), head());
        JsonObject photo = awaitImport(f.api, round, f.api.upload(upload + "photo.png", picture("Essay by " + name), "image/png", head())
                .expect(202).json().getString("id"), head());
        assertEquals(1, photo.getJsonObject("job").getInt("updated") + photo.getJsonObject("job").getInt("added"), "a photo of the pages is taken: " + photo);
        List<JsonObject> pieces = pieces(round);
        assertEquals(1, pieces.size(), "the second upload for the student replaced the first");
        String code = pieces.get(0).getString("code");
        assertTrue(pieces.get(0).getBoolean("needs_check"), "a photo is marked for a check by eye");
        JsonObject file = f.api.get("/api/rounds/" + round + "/pieces/" + code + "/review", head()).expect(200).json()
                .getJsonArray("files").getJsonObject(0);
        assertEquals("image/png", file.getString("media_type"), file.toString());
        assertTrue(file.getBoolean("needs_check"));
        var served = f.api.bytes("/api/rounds/" + round + "/pieces/" + code + "/files/0", head());
        assertEquals(200, served.statusCode());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertFalse(served.headers().firstValue("Content-Disposition").orElse("").contains("photo"), "never the original file name");
        assertTrue(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served.body())) != null);
        assertEquals(404, f.api.get("/api/rounds/" + round + "/pieces/" + code + "/files/1", head()).status());

        // The moderator covers a corner by hand; taking the box away again gives back the picture as redacted before.
        String boxes = "/api/rounds/" + round + "/pieces/" + code + "/review/files/0/boxes";
        assertEquals(400, f.api.put(boxes, "{\"boxes\":[{\"x\":0.8,\"y\":0,\"w\":0.5,\"h\":0.1}]}", head()).status(), "a box inside the picture");
        JsonObject boxed = f.api.put(boxes, "{\"boxes\":[{\"x\":0,\"y\":0,\"w\":0.1,\"h\":0.2}]}", head()).expect(200).json();
        assertEquals(1, boxed.getJsonArray("boxes").size());
        java.awt.image.BufferedImage covered = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                f.api.bytes("/api/rounds/" + round + "/pieces/" + code + "/files/0", head()).body()));
        assertEquals(java.awt.Color.BLACK.getRGB(), covered.getRGB(10, 10), "the box is in the pixels");
        f.api.put(boxes, "{\"boxes\":[]}", head()).expect(200);
        java.awt.image.BufferedImage uncovered = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                f.api.bytes("/api/rounds/" + round + "/pieces/" + code + "/files/0", head()).body()));
        assertEquals(java.awt.Color.WHITE.getRGB(), uncovered.getRGB(10, 10), "the box is gone again");
        assertEquals(404, f.api.put(boxes, "{\"boxes\":[]}", f.token("demo-t-01")).status(), "not for a teacher outside the round");

        // A PDF for another student: the scorers' copy is rebuilt without the name, in the text and in the metadata.
        JsonObject other = f.api.get("/api/rounds/" + round + "/imports/learners", head()).expect(200).json().getJsonArray("learners").getJsonObject(2);
        String otherName = other.getString("name");
        awaitImport(f.api, round, f.api.upload("/api/rounds/" + round + "/imports/upload?learner=" + other.getString("user_id") + "&name=essay.pdf",
                pdf("Essay by " + otherName + ": rivers carry trade to the towns.", otherName), "application/pdf", head()).expect(202).json().getString("id"), head());
        String pdfCode = pieces(round).stream().map(p -> p.getString("code")).filter(c -> !c.equals(code)).findFirst().orElseThrow();
        var rebuilt = f.api.bytes("/api/rounds/" + round + "/pieces/" + pdfCode + "/files/0", head());
        assertEquals("application/pdf", rebuilt.headers().firstValue("Content-Type").orElse(""));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(rebuilt.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("rivers carry trade"), text);
            assertFalse(text.contains(otherName.split(" ")[1]), "the student's name cannot be extracted: " + text);
            assertTrue(doc.getDocumentInformation().getAuthor() == null, "no author in the scorers' copy");
        }

        // The photo is marked for a check by eye: the release waits for the moderator to say they looked.
        JsonObject release = f.api.get("/api/rounds/" + round + "/release", head()).expect(200).json();
        assertTrue(release.getJsonArray("to_check").toString().contains(code), release.toString());
        String lock = "{\"lock_version\":" + release.getJsonNumber("lock_version") + "}";
        assertEquals("needs_check", f.api.post("/api/rounds/" + round + "/release", lock, head()).expect(422).error());
        f.api.post("/api/rounds/" + round + "/release", lock.replace("}", ",\"checked_by_eye\":true}"), head()).expect(200);
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
