package org.calibrate.anonymise.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnonymiseCommandTest {
    private static final String ROSTER = """
            {"id": "https://lms.example/nrps", "context": {"id": "c1", "label": "BIO9", "title": "Biology 9"}, "members": [
             {"status": "Active", "name": "Maya Thompson", "given_name": "Maya", "family_name": "Thompson", "email": "maya@s.example.org",
              "user_id": "u1", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]},
             {"status": "Active", "name": "Zoë Kowalski", "given_name": "Zoë", "family_name": "Kowalski", "user_id": "u2", "roles": ["Learner"]},
             {"status": "Active", "name": "Daniel Alvarez", "user_id": "t1", "roles": ["Instructor"]},
             {"status": "Active", "name": "Pat Admin", "user_id": "a1", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"]}]}
            """;
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String input, String... args) {
        return AnonymiseCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    List<JsonObject> output() {
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
    }

    @Test
    void linesBecomeRedactedTextsWithCodePointSpans() throws IOException {
        String roster = file("roster.json", ROSTER).toString();
        String context = file("context.json", "{\"course_title\": \"Biology 9\", \"schools\": [{\"name\": \"Riverside Middle School\", \"aliases\": [\"RMS\"]}]}").toString();
        int code = run("{\"id\": \"p1\", \"text\": \"🎉 Maya and Zoë at RMS with Mr. Alvarez.\", \"author_user_id\": \"u1\"}\n{\"id\": 7, \"text\": \"Zoë wrote this.\"}\n",
                "--roster", roster, "--context", context);
        assertEquals(0, code, err.toString());
        List<JsonObject> lines = output();
        assertEquals("🎉 [student] and [classmate A] at [school] with Mr. [teacher].", lines.get(0).getString("text"));
        JsonObject first = lines.get(0).getJsonArray("spans").getJsonObject(0);
        assertEquals(2, first.getInt("start"), "the emoji is one code point");
        assertEquals(6, first.getInt("end"));
        assertEquals("redacted", first.getString("action"));
        assertEquals(7, lines.get(1).getInt("id"), "the id comes back as it was sent");
        assertEquals("[classmate A] wrote this.", lines.get(1).getString("text"), "no author: every learner is a classmate");
    }

    @Test
    void badLinesAreReportedByNumberAndTheRestGoOn() throws IOException {
        String roster = file("roster.json", ROSTER).toString();
        int code = run("{\"id\": 1, \"text\": \"Maya\"}\nnot json\n\n{\"text\": \"no id\"}\n{\"id\": 5, \"text\": \"Thompson\"}\n", "--roster", roster);
        assertEquals(1, code);
        assertEquals(2, output().size());
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("line 2:") && errors.contains("line 4: \"id\""), errors);
    }

    @Test
    void tooLongLinesAreRefusedNotRead() throws IOException {
        String roster = file("roster.json", ROSTER).toString();
        String huge = "{\"id\": 1, \"text\": \"" + "a".repeat(AnonymiseCommand.MAX_LINE_CHARS + 10) + "\"}\n{\"id\": 2, \"text\": \"ok\"}\n";
        assertEquals(1, run(huge, "--roster", roster));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 1: the line is longer than"));
        assertEquals(1, output().size());
    }

    @Test
    void badArgumentsExitTwoWithUsage() throws IOException {
        assertEquals(2, run("", "--context", "x.json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--roster is required") && err.toString().contains("usage:"));
        assertEquals(2, run("", "--roster"));
        assertEquals(2, run("", "--rooster", "r.json"));
        assertEquals(2, run("", "--roster", dir.resolve("missing.json").toString()));
        assertEquals(2, run("", "--roster", file("bad.json", "{\"members\": 3}").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\"members\""));
    }

    @Test
    void rolesInShortAndFullFormsAndOnlyLearnersAndTeachers() {
        var people = RosterJson.people(Json.createReader(new StringReader(ROSTER)).readObject());
        assertEquals(List.of("u1", "u2", "t1"), people.stream().map(p -> p.userId()).toList(), "the administrator is no one's classmate");
    }
}
