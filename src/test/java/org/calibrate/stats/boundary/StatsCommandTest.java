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
}
