package org.calibrate.it;

import jakarta.json.JsonObject;
import org.calibrate.intake.formats.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzes intake: valid submissions made here (PDF, DOCX, ODT, RTF, HTML, TXT and a Moodle export ZIP)
 * are mutated — bit flips, truncation, inserted and duplicated chunks, garbage ZIP entry names, ZIPs in
 * ZIPs — and sent through the upload and the export-ZIP import. The endpoints never answer 5xx or slower
 * than {@link Fuzzing#ANSWER_BOUND}; every import reaches a final state within a bound, every submission
 * ends added, updated, unchanged or failed with a reason (none left pending), no reason or message
 * carries a stack trace, and the server stays healthy. Seeded: {@code -Dfuzz.seed=}, {@code -Dfuzz.iterations=}.
 */
@ExtendWith(CalibrateServer.class)
class UploadFuzzIT {
    /** From the upload's answer to the import's end: generous for a loaded two-core machine, far below anything stuck. */
    private static final Duration IMPORT_BOUND = Duration.ofSeconds(30);
    private static final Set<String> FINAL_ITEM_STATES = Set.of("added", "updated", "unchanged", "failed");

    private static RoundFixture f;
    private static final int BATCH = 5;
    private static final Map<String, Integer> OUTCOMES = new java.util.TreeMap<>();
    private static String rubric;
    private static String round;
    private static List<JsonObject> learners;

    @BeforeAll
    static void setUp() throws Exception {
        f = new RoundFixture(CalibrateServer.get().url());
        rubric = f.shippedRubric("ny-short-response-2-point");
        round = f.createRound("Intake fuzzing", rubric);
        learners = f.api.get("/api/rounds/" + round + "/imports/learners", head()).expect(200).json().getJsonArray("learners")
                .getValuesAs(JsonObject.class);
    }

    private static String head() {
        return f.token(RoundFixture.HEAD);
    }

    private record Input(String name, byte[] bytes) {
    }

    private record Sent(int iteration, String mutation, String jobId) {
    }

    @Test
    void importsSurviveMutatedFiles() throws Exception {
        Fuzzing fuzz = Fuzzing.start("UploadFuzzIT", 50);
        List<Input> files = validFiles();
        int imports = 0;
        List<Sent> batch = new ArrayList<>();
        int items = 0;
        Map<String, Integer> refusals = new java.util.TreeMap<>();
        for (int i = 0; i < fuzz.iterations; i++) {
            Random r = fuzz.random(i);
            boolean asZip = r.nextInt(3) == 0;
            String mutation;
            String path;
            byte[] body;
            if (asZip) {
                Map.Entry<String, byte[]> z = mutatedExport(r, files);
                mutation = "zip: " + z.getKey();
                body = z.getValue();
                path = "/api/rounds/" + round + "/imports/zip?name=submissions.zip";
            } else {
                Input in = files.get(r.nextInt(files.size()));
                body = Fuzzing.mutate(in.bytes(), r);
                // The file's own name most times; sometimes another format's extension, so the content has to tell.
                String name = r.nextInt(4) == 0 ? "essay" + files.get(r.nextInt(files.size())).name().replaceAll("^[^.]*", "") : in.name();
                mutation = "upload " + in.name() + " as " + name + " (" + body.length + " bytes)";
                path = "/api/rounds/" + round + "/imports/upload?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + (r.nextBoolean() ? "&learner=" + learners.get(r.nextInt(learners.size())).getString("user_id") : "");
            }
            Instant start = Instant.now();
            Api.Reply reply = f.api.upload(path, body, r.nextBoolean() ? "application/octet-stream" : "application/zip", head());
            Duration took = Duration.between(start, Instant.now());
            if (reply.status() >= 500 || took.compareTo(Fuzzing.ANSWER_BOUND) > 0 || Fuzzing.leaksInternals(reply.body())) {
                fuzz.failure(i, mutation, "HTTP " + reply.status() + " after " + took.toMillis() + " ms: " + Fuzzing.excerpt(reply.body()));
            } else if (reply.status() == 202) {
                batch.add(new Sent(i, mutation, reply.json().getString("id")));
                imports++;
            } else if (reply.status() < 400 || reply.error().isEmpty()) {
                fuzz.failure(i, mutation, "neither accepted nor refused with an error code: HTTP " + reply.status() + " " + Fuzzing.excerpt(reply.body()));
            } else {
                refusals.merge(reply.status() + " " + reply.error(), 1, Integer::sum);
            }
            // A round takes five unfinished imports (stopped ones count; 409 imports_busy after that), and the runner picks up
            // five at each poll: imports go in batches of five into a fresh round, each followed to its end.
            if (batch.size() == BATCH || i == fuzz.iterations - 1) {
                for (Sent s : batch) {
                    items += checkImport(fuzz, s);
                }
                batch.clear();
                round = f.createRound("Intake fuzzing " + i, rubric);
            }
        }

        System.out.println("UploadFuzzIT: " + imports + " imports of " + fuzz.iterations + " uploads, " + items + " submissions, all final " + OUTCOMES + "; refused at once: " + refusals);
        assertEquals(200, f.api.get("/api/rounds/" + round + "/pieces", head()).status(), "the round still reads");
        assertEquals(200, f.demo.client().get("/health", null).statusCode(), "the server is healthy");
        fuzz.assertNoFailures();
    }

    /** Follows one import to its end and checks it; returns how many submissions it had. */
    private static int checkImport(Fuzzing fuzz, Sent s) throws Exception {
        JsonObject detail = awaitFinal(s.jobId(), Instant.now().plus(IMPORT_BOUND));
        if (detail == null) {
            fuzz.failure(s.iteration(), s.mutation(), "import " + s.jobId() + " not finished within " + IMPORT_BOUND.toSeconds() + " s");
            return 0;
        }
        JsonObject job = detail.getJsonObject("job");
        OUTCOMES.merge("import " + job.getString("state"), 1, Integer::sum);
        String message = job.getString("message", "");
        if (Fuzzing.leaksInternals(message)) {
            fuzz.failure(s.iteration(), s.mutation(), "the import's message leaks internals: " + message);
        }
        if (job.getString("state").equals("stopped") && message.isBlank()) {
            fuzz.failure(s.iteration(), s.mutation(), "stopped without a message: " + job);
        }
        List<JsonObject> items = detail.getJsonArray("items").getValuesAs(JsonObject.class);
        for (JsonObject item : items) {
            String state = item.getString("state");
            String reason = item.getString("reason", "");
            OUTCOMES.merge("submission " + state, 1, Integer::sum);
            if (!FINAL_ITEM_STATES.contains(state)) {
                fuzz.failure(s.iteration(), s.mutation(), "submission " + item.getInt("position") + " left " + state + " in a finished import");
            } else if (state.equals("failed") && reason.isBlank()) {
                fuzz.failure(s.iteration(), s.mutation(), "submission " + item.getInt("position") + " failed without a reason");
            }
            if (Fuzzing.leaksInternals(reason)) {
                fuzz.failure(s.iteration(), s.mutation(), "a reason leaks internals: " + reason);
            }
        }
        return items.size();
    }

    private static JsonObject awaitFinal(String jobId, Instant deadline) throws Exception {
        while (true) {
            JsonObject d = f.api.get("/api/rounds/" + round + "/imports/" + jobId, head()).expect(200).json();
            String state = d.getJsonObject("job").getString("state");
            if (state.equals("done") || state.equals("stopped")) {
                return d;
            }
            if (Instant.now().isAfter(deadline)) {
                return null;
            }
            Thread.sleep(200);
        }
    }

    // ---- inputs ----

    private static List<Input> validFiles() {
        String essay = "Should school start later? I think it should, because sleep matters for learning and for health. ";
        List<Input> files = new ArrayList<>();
        files.add(new Input("essay.pdf", Fixtures.pdf(List.of(essay, "Teenagers need nine hours."), List.of("In conclusion, later is better."))));
        files.add(new Input("essay.docx", Fixtures.docx(essay, "Buses would need new times.", "In conclusion, later is better.")));
        files.add(new Input("essay.odt", Fixtures.odt("<text:p>" + essay + "</text:p><text:p>In conclusion, later is better.</text:p>")));
        files.add(new Input("essay.rtf", ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0\\fs24 " + essay + "\\par In conclusion, {\\b later} is better.\\par}")
                .getBytes(StandardCharsets.US_ASCII)));
        files.add(new Input("essay.html", ("<!DOCTYPE html><html><head><title>Essay</title></head><body><h1>Later starts</h1><p>" + essay
                + "</p><p>In conclusion, <em>later</em> is better.</p></body></html>").getBytes(StandardCharsets.UTF_8)));
        files.add(new Input("essay.txt", (essay + "\n\nIn conclusion, later is better. Caf\u00e9 \u2014 na\u00efve.\n").getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    /** A Moodle "download all submissions" ZIP of valid files, then broken in one of several ways. */
    private static Map.Entry<String, byte[]> mutatedExport(Random r, List<Input> files) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            JsonObject learner = learners.get(r.nextInt(learners.size()));
            Input in = files.get(r.nextInt(files.size()));
            entries.put(learner.getString("name") + "_" + (600 + i) + "_assignsubmission_file_" + in.name(), in.bytes());
        }
        return switch (r.nextInt(4)) {
            case 0 -> Map.entry("bytes mutated", Fuzzing.mutate(Fixtures.zip(entries), r));
            case 1 -> Map.entry("entry names garbage", zipOf(garbageNames(r, entries)));
            case 2 -> {
                byte[] inner = Fixtures.zip(entries);
                for (int depth = r.nextInt(4); depth > 0; depth--) {
                    inner = Fixtures.zip(Map.of("nested-" + depth + ".zip", inner));
                }
                Map<String, byte[]> outer = new LinkedHashMap<>(entries);
                outer.put(learners.get(0).getString("name") + "_699_assignsubmission_file_more.zip", inner);
                yield Map.entry("nested zips", r.nextBoolean() ? Fixtures.zip(outer) : Fuzzing.mutate(Fixtures.zip(outer), r));
            }
            default -> {
                Map<String, byte[]> mutatedFiles = new LinkedHashMap<>();
                entries.forEach((name, bytes) -> mutatedFiles.put(name, Fuzzing.mutate(bytes, r)));
                yield Map.entry("files inside mutated", Fixtures.zip(mutatedFiles));
            }
        };
    }

    private static Map<String, byte[]> garbageNames(Random r, Map<String, byte[]> entries) {
        List<String> garbage = List.of("../../etc/passwd", "/absolute/essay.txt", "C:\\\\Windows\\\\essay.txt", "", "/", "a/../../b.txt",
                "\u0000.txt", "name\u202egpj.exe", "x".repeat(60_000), "____1_assignsubmission_file_", "_assignsubmission_file_.pdf",
                "Nobody_abc_assignsubmission_file_essay.txt", "\ud83d\ude00_7_assignsubmission_file_\ud83d\ude00.txt", "dir/", "a//b\\\\c.txt",
                ".", "..", "CON.txt", "%2e%2e%2fescape.txt", "Name_1_onlinetext_onlinetext.html");
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<byte[]> contents = new ArrayList<>(entries.values());
        for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
            out.putIfAbsent(garbage.get(r.nextInt(garbage.size())) + (r.nextBoolean() ? "" : "_" + i), contents.get(r.nextInt(contents.size())));
        }
        return out;
    }

    /** Writes entries as given; a name the ZIP writer itself refuses is left out. */
    private static byte[] zipOf(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                try {
                    z.putNextEntry(new ZipEntry(e.getKey()));
                } catch (IllegalArgumentException | java.util.zip.ZipException refused) {
                    continue;
                }
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
