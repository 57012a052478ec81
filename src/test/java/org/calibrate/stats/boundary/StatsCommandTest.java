package org.calibrate.stats.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return StatsCommand.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path csv(String text) throws Exception {
        Path file = dir.resolve("ratings.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void writesTheFullReportAsJson() throws Exception {
        StringBuilder text = new StringBuilder("piece,scorer,criterion,score\n");
        String[] scorers = {"ana", "ben", "cho", "dev"};
        for (int p = 0; p < 40; p++) {
            for (int k = 0; k < 2; k++) {
                String scorer = scorers[(p + k) % 4];
                for (String c : new String[] {"ideas", "language"}) {
                    int score = 1 + (p * 7 + k * (p % 3) + c.length()) % 4;
                    text.append("P").append(p).append(',').append(scorer).append(',').append(c).append(',').append(score).append('\n');
                }
            }
        }
        Path result = dir.resolve("result.json");
        assertEquals(0, run("--in", csv(text.toString()).toString(), "--model", "pcm", "--out", result.toString()), err.toString());
        JsonObject json = Json.createReader(new StringReader(Files.readString(result))).readObject();
        assertEquals(40, json.getJsonObject("summary").getInt("pieces"));
        assertEquals(80, json.getJsonObject("round").getInt("pairs"));
        assertTrue(json.getJsonObject("round").getJsonObject("exact").containsKey("value"));
        assertEquals(2, json.getJsonArray("criteria").size());
        assertTrue(json.getJsonArray("scorerPairs").size() >= 4);
        JsonObject rasch = json.getJsonObject("rasch");
        assertEquals("pcm", rasch.getString("model"));
        assertTrue(rasch.getBoolean("estimated"), rasch.toString());
        assertEquals(4, rasch.getJsonObject("scorers").getJsonArray("elements").size());
        JsonObject scorer = rasch.getJsonObject("scorers").getJsonArray("elements").getJsonObject(0);
        for (String key : new String[] {"measure", "se", "infit", "outfit"}) assertTrue(scorer.containsKey(key), key);
        assertTrue(rasch.getJsonObject("criteria").getJsonArray("elements").getJsonObject(0).containsKey("thresholds"));
        assertTrue(rasch.getJsonObject("scorers").getJsonObject("summary").containsKey("reliability"));
        assertEquals(1, rasch.getJsonArray("subsets").size());
        JsonObject fair = rasch.getJsonObject("fairLevels");
        assertEquals(40, fair.size());
        JsonObject first = fair.getJsonObject("P0");
        assertEquals(java.util.List.of("ideas", "language"), java.util.List.copyOf(first.keySet()));
        for (String c : first.keySet()) {
            double level = first.getJsonNumber(c).doubleValue();
            assertTrue(level >= 1 && level <= 4, c + " " + level);
        }
    }

    @Test
    void anUnestimatedModelWritesNoFairLevels() throws Exception {
        // Two pairs of scorers with no piece in common: the design is disconnected.
        String text = "piece,scorer,criterion,score\nP1,a,c,1\nP1,b,c,2\nP2,a,c,2\nP2,b,c,1\n"
                + "Q1,x,c,1\nQ1,y,c,2\nQ2,x,c,2\nQ2,y,c,1\n";
        assertEquals(0, run("--in", csv(text).toString()), err.toString());
        JsonObject rasch = Json.createReader(new StringReader(out.toString())).readObject().getJsonObject("rasch");
        assertFalse(rasch.getBoolean("estimated"));
        assertEquals(Json.createObjectBuilder().build(), rasch.getJsonObject("fairLevels"));
    }

    @Test
    void badHeaderIsExitTwoWithTheExpectedHeader() throws Exception {
        assertEquals(2, run("--in", csv("piece,rater,criterion,score\nP1,a,c,1\n").toString()));
        assertTrue(err.toString().contains("header must be piece,scorer,criterion,score"), err.toString());
    }

    @Test
    void nonIntegerScoreNamesTheLine() throws Exception {
        assertEquals(2, run("--in", csv("piece,scorer,criterion,score\nP1,a,c,1\nP1,b,c,two\n").toString()));
        assertTrue(err.toString().contains("line 3: score 'two' is not a whole number"), err.toString());
    }

    @Test
    void missingFileIsExitTwo() {
        assertEquals(2, run("--in", dir.resolve("nope.csv").toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void badArgumentsPrintUsage() {
        assertEquals(2, run("--model", "glm", "--in", "x.csv"));
        assertTrue(err.toString().contains("--model takes rsm or pcm"));
        assertTrue(err.toString().contains("usage:"));
        err.reset();
        assertEquals(2, run());
        assertTrue(err.toString().contains("--in is required"));
    }

    @Test
    void overlongLinesAndDuplicateScoresAreRefused() throws Exception {
        assertEquals(2, run("--in", csv("piece,scorer,criterion,score\n" + "P".repeat(5000) + ",a,c,1\n").toString()));
        assertTrue(err.toString().contains("longer than"), err.toString());
        err.reset();
        assertEquals(2, run("--in", csv("piece,scorer,criterion,score\nP1,a,c,1\nP1,a,c,2\n").toString()));
        assertTrue(err.toString().contains("twice"), err.toString());
    }

    @Test
    void orderColumnAndAnchorsFeedTheSignals() throws Exception {
        // ana and ben score 30 pieces on two criteria in order; ben turns a level more lenient after piece 15.
        StringBuilder text = new StringBuilder("piece,scorer,criterion,score,order\n");
        for (int p = 0; p < 30; p++) {
            for (String c : new String[] {"ideas", "language"}) {
                int level = 1 + (p * 3 + c.length()) % 4;
                text.append("P").append(p).append(",ana,").append(c).append(',').append(level).append(',').append(p).append('\n');
                int ben = p >= 15 ? Math.min(5, level + 1) : level;
                text.append("P").append(p).append(",ben,").append(c).append(',').append(ben).append(',').append(1000 + p).append('\n');
            }
        }
        Path anchors = dir.resolve("anchors.csv");
        Files.writeString(anchors, "piece,criterion,score\nP0,ideas,2\nP0,language,1\nP1,ideas,1\nQ9,ideas,3\n");
        Path result = dir.resolve("result.json");
        assertEquals(0, run("--in", csv(text.toString()).toString(), "--anchors", anchors.toString(), "--out", result.toString()),
                err.toString());
        JsonObject signals = Json.createReader(new StringReader(Files.readString(result))).readObject().getJsonObject("signals");
        assertEquals(4, signals.getJsonObject("round").getInt("anchors"));
        assertEquals(3, signals.getJsonObject("round").getInt("anchorsInRound"));
        JsonObject ana = signals.getJsonArray("scorers").getJsonObject(0);
        JsonObject ben = signals.getJsonArray("scorers").getJsonObject(1);
        assertEquals("ana", ana.getString("scorer"));
        assertEquals(3, ana.getJsonObject("accuracy").getInt("scores"));
        for (String key : new String[] {"halo", "centralTendency", "drift", "accuracy"}) {
            assertTrue(ana.getJsonObject(key).containsKey("flagged"), key);
        }
        JsonObject drift = ben.getJsonObject("drift");
        assertTrue(drift.getBoolean("flagged"), drift.toString());
        assertTrue(drift.getJsonObject("change").getJsonNumber("value").doubleValue() > 0.5, drift.toString());
        // With only two scorers the residual is relative to the other one, so ana mirrors ben's drift: the
        // signal cannot say which of two drifted (anchor accuracy can).
        assertTrue(ana.getJsonObject("drift").getJsonObject("change").getJsonNumber("value").doubleValue() < -0.5);
        assertFalse(ana.getJsonObject("accuracy").getBoolean("flagged"));
    }

    @Test
    void withoutAnOrderColumnDriftHasAReason() throws Exception {
        assertEquals(0, run("--in", csv("piece,scorer,criterion,score\nP1,a,c,1\nP1,b,c,2\n").toString()), err.toString());
        JsonObject json = Json.createReader(new StringReader(out.toString())).readObject();
        JsonObject change = json.getJsonObject("signals").getJsonArray("scorers").getJsonObject(0)
                .getJsonObject("drift").getJsonObject("change");
        assertTrue(change.isNull("value"));
        assertTrue(change.getString("reason").contains("no order"), change.toString());
    }

    @Test
    void badOrdersAndAnchorsNameTheFileAndLine() throws Exception {
        assertEquals(2, run("--in", csv("piece,scorer,criterion,score,order\nP1,a,c,1,7\nP1,b,c,2,soon\n").toString()));
        assertTrue(err.toString().contains("line 3: order 'soon' is not a whole number"), err.toString());
        err.reset();
        Path anchors = dir.resolve("anchors.csv");
        Files.writeString(anchors, "piece,criterion,score\nP1,c,2\nP1,c,3\n");
        assertEquals(2, run("--in", csv("piece,scorer,criterion,score\nP1,a,c,1\n").toString(), "--anchors", anchors.toString()));
        assertTrue(err.toString().contains("anchors.csv: line 3: piece P1 has a second anchor level"), err.toString());
        err.reset();
        Files.writeString(anchors, "piece,scorer,score\nP1,a,2\n");
        assertEquals(2, run("--in", csv("piece,scorer,criterion,score\nP1,a,c,1\n").toString(), "--anchors", anchors.toString()));
        assertTrue(err.toString().contains("header must be piece,criterion,score"), err.toString());
        err.reset();
        assertEquals(2, run("--in", csv("piece,scorer,criterion,score\nP1,a,c,1\n").toString(), "--anchors", dir.resolve("no.csv").toString()));
        assertTrue(err.toString().contains("no.csv: no such file"), err.toString());
    }
}
