package org.calibrate.bench;

import jakarta.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.calibrate.it.CalibrateServer;
import org.calibrate.it.TestPlatform;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Submissions per second through import and extraction, per format, over HTTP on loopback. Starts
 * {@code target/calibrate.jar} (embedded H2), and for each format (plain text, DOCX, PDF) and each run uploads a ZIP
 * of SUBMISSIONS essays of about 400 words (one file each) into a fresh round and times it from the upload to the
 * import's end: reading the ZIP, recognising and extracting each file, the anonymiser, storing piece and original.
 * Prints each run and the median, min and max.
 *
 * <p>Usage: {@code IntakeBenchmark submissions runs} (defaults 200, 3). Talks to 127.0.0.1 only.
 */
public final class IntakeBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int submissions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (TestPlatform platform = new TestPlatform()) {
            // Nodes look for import work every 100 ms here, so the wait for a node is not counted as import time.
            CalibrateServer.Running server = BenchRound.server(platform, "bench-intake-server.log", Map.of("CALIBRATE_INTAKE_POLL", "PT0.1S"));
            try {
                BenchRound round = new BenchRound(server.url(), platform, 0);
                round.head = round.session("head-1", "Dana Whitfield");
                for (String format : List.of("txt", "docx", "pdf")) {
                    byte[] zip = zip(format, submissions);
                    // One run to warm the server's code paths, not counted.
                    time(round, zip);
                    double[] rates = new double[runs];
                    for (int r = 0; r < runs; r++) {
                        double seconds = time(round, zip);
                        rates[r] = submissions / seconds;
                        System.out.printf("%s run %d: %d submissions in %.2f s = %.1f/s%n", format, r + 1, submissions, seconds, rates[r]);
                    }
                    Arrays.sort(rates);
                    System.out.printf("%s: median %.1f submissions/s (min %.1f, max %.1f), ZIP %d KiB%n", format, rates[runs / 2], rates[0],
                            rates[runs - 1], zip.length / 1024);
                }
            } finally {
                server.stop();
            }
        }
        System.exit(0);
    }

    /** Seconds from the upload of the ZIP into a new round until its import has ended, every submission added. */
    private static double time(BenchRound round, byte[] zip) throws Exception {
        String rubric = BenchRound.json(BenchRound.ok(round.client.get("/api/rubrics", round.head))).getJsonArray("rubrics")
                .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("family").equals("ny-short-response-2-point"))
                .findFirst().orElseThrow().getString("id");
        String id = BenchRound.json(BenchRound.ok(round.client.postJson("/api/rounds", "{\"title\":\"Intake\",\"rubric_id\":\"" + rubric + "\"}",
                round.head))).getString("id");
        long start = System.nanoTime();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(round.url + "/api/rounds/" + id + "/imports/zip?name=bench.zip"))
                .header("Authorization", "Bearer " + round.head).header("Content-Type", "application/zip")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
        String job = BenchRound.json(BenchRound.ok(created)).getString("id");
        while (true) {
            JsonObject j = BenchRound.json(BenchRound.ok(round.client.get("/api/rounds/" + id + "/imports/" + job, round.head))).getJsonObject("job");
            if (j.getString("state").equals("done") || j.getString("state").equals("stopped")) {
                if (j.getInt("added") != j.getInt("total")) {
                    throw new IllegalStateException("import did not add every submission: " + j);
                }
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(50);
        }
    }

    private static byte[] zip(String format, int submissions) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Random random = new Random(11);
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < submissions; i++) {
                z.putNextEntry(new ZipEntry("essay-" + i + "." + format));
                z.write(file(format, essay(random, i)));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static final String[] WORDS = ("school should start later because students sleep learn better morning buses teachers "
            + "research shows health attention grades sports families schedule evidence argue claim both texts courage").split(" ");

    private static List<String> essay(Random random, int n) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            StringBuilder s = new StringBuilder(p == 0 ? "Essay " + n + ". " : "");
            for (int w = 0; w < 80; w++) {
                s.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            paragraphs.add(s.toString().strip());
        }
        return paragraphs;
    }

    private static byte[] file(String format, List<String> paragraphs) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case "txt" -> out.write(String.join("\n\n", paragraphs).getBytes(StandardCharsets.UTF_8));
            case "docx" -> {
                try (XWPFDocument doc = new XWPFDocument()) {
                    paragraphs.forEach(p -> doc.createParagraph().createRun().setText(p));
                    doc.write(out);
                }
            }
            case "pdf" -> {
                try (PDDocument doc = new PDDocument()) {
                    PDPage page = new PDPage();
                    doc.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        cs.beginText();
                        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                        cs.setLeading(11);
                        cs.newLineAtOffset(40, 750);
                        for (String p : paragraphs) {
                            // Lines of about 100 characters, a blank line between paragraphs.
                            for (int i = 0; i < p.length(); i += 100) {
                                cs.showText(p.substring(i, Math.min(p.length(), i + 100)));
                                cs.newLine();
                            }
                            cs.newLine();
                        }
                        cs.endText();
                    }
                    doc.save(out);
                }
            }
            default -> throw new IllegalArgumentException(format);
        }
        return out.toByteArray();
    }
}
