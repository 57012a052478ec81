package org.calibrate.rubrics.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.calibrate.rubrics.entity.Cap;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.calibrate.rubrics.control.Examples.analytic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RubricJsonTest {
    private static final String MINIMAL = """
            {"title": "Short response",
             "criteria": [{"key": "response", "name": "Response",
                           "points": [{"level": 0, "label": "0"}, {"level": 1, "label": "1"}, {"level": 2, "label": "2"}]}],
             "caps": [{"key": "one-text", "condition": "Only one text", "max_level": 1}]}
            """;

    @Test
    void roundTripKeepsEverything() {
        RubricDefinition rubric = analytic();
        String json = RubricJson.write(rubric);
        assertEquals(rubric, RubricJson.read(json));
        assertTrue(json.contains("\n"), "written for people to read: " + json);
    }

    @Test
    void roundTripOfEveryShippedRubric() {
        for (ShippedRubrics.Shipped s : ShippedRubrics.all()) {
            assertEquals(s.definition(), RubricJson.read(RubricJson.write(s.definition())), s.family());
        }
    }

    @Test
    void fieldNamesAreTheDocumentedOnes() {
        JsonObject json = Json.createReader(new StringReader(RubricJson.write(analytic()))).readObject();
        assertEquals(List.of("title", "description", "criteria", "caps", "notes"), List.copyOf(json.keySet()));
        JsonObject criterion = json.getJsonArray("criteria").getJsonObject(0);
        assertEquals(List.of("key", "name", "description", "points"), List.copyOf(criterion.keySet()));
        assertEquals(List.of("level", "label", "descriptor"), List.copyOf(criterion.getJsonArray("points").getJsonObject(0).keySet()));
        JsonObject cap = json.getJsonArray("caps").getJsonObject(1);
        assertEquals(List.of("key", "condition", "max_level", "criteria"), List.copyOf(cap.keySet()));
        assertEquals(1, cap.getInt("max_level"));
        assertEquals("evidence", cap.getJsonArray("criteria").getString(0));
        assertEquals("Grades 6–8", json.getString("description"));
    }

    @Test
    void readsHandWrittenJsonWithDefaults() {
        RubricDefinition r = RubricJson.importJson(MINIMAL);
        assertEquals("Short response", r.title());
        assertEquals(null, r.description());
        assertEquals(List.of(), r.notes());
        assertEquals(List.of(new Cap("one-text", "Only one text", 1, List.of())), r.caps());
        assertEquals("0–2", r.range());
        assertEquals(null, r.criteria().get(0).point(2).orElseThrow().descriptor());
    }

    @Test
    void unknownFieldsAreIgnored() {
        RubricDefinition r = RubricJson.read(MINIMAL.replace("\"title\"", "\"version\": 7, \"title\""));
        assertEquals("Short response", r.title());
    }

    @Test
    void oversizeInputIsRefusedBeforeParsing() {
        String big = "{\"title\": \"" + "x".repeat(RubricJson.MAX_BYTES) + "\"}";
        InvalidRubric e = assertThrows(InvalidRubric.class, () -> RubricJson.read(big));
        assertEquals(List.of("The rubric file is larger than 256 KB"), e.problems());
        // Multi-byte characters count as the bytes they take.
        String wide = "{\"title\": \"" + "–".repeat(RubricJson.MAX_BYTES / 3 + 1) + "\"}";
        assertThrows(InvalidRubric.class, () -> RubricJson.read(wide));
    }

    @Test
    void malformedJsonGivesThePlaceNotTheInput() {
        InvalidRubric e = assertThrows(InvalidRubric.class, () -> RubricJson.read("{\"title\": \"secret text\",\n \"criteria\": [}"));
        assertEquals(1, e.problems().size());
        String message = e.problems().get(0);
        assertTrue(message.startsWith("The rubric file is not valid JSON (line 2"), message);
        assertFalse(message.contains("secret"), message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void wrongShapesAreRefusedCleanly() {
        for (String bad : List.of("[]", "42", "\"rubric\"", "{\"title\": [1]}", "{\"criteria\": {}}",
                "{\"criteria\": [{\"points\": [{\"level\": \"high\"}]}]}")) {
            InvalidRubric e = assertThrows(InvalidRubric.class, () -> RubricJson.read(bad), bad);
            String message = e.getMessage();
            assertTrue(message.startsWith("The rubric file"), bad + " → " + message);
            assertFalse(message.contains("Exception") || message.contains("org."), bad + " → " + message);
        }
        assertEquals(List.of("The rubric file is empty"), assertThrows(InvalidRubric.class, () -> RubricJson.read(" ")).problems());
        assertEquals(List.of("The rubric file must hold one JSON object, not null"),
                assertThrows(InvalidRubric.class, () -> RubricJson.read("null")).problems());
        assertEquals(List.of("The rubric file must hold one JSON object, not array"),
                assertThrows(InvalidRubric.class, () -> RubricJson.read("[]")).problems());
        assertEquals(List.of("The rubric file does not fit the rubric format at criteria › points › level: levels are whole "
                        + "numbers, texts are strings, and criteria, points, caps and notes are lists"),
                assertThrows(InvalidRubric.class, () -> RubricJson.read(MINIMAL.replace("\"level\": 1", "\"level\": \"high\""))).problems());
    }

    @Test
    void levelsAreWholeNumbersNotRoundedOrWrapped() {
        InvalidRubric e = assertThrows(InvalidRubric.class, () -> RubricJson.read(
                MINIMAL.replace("\"level\": 1", "\"level\": 1.5").replace("\"level\": 2", "\"level\": 9999999999")
                        .replace("\"max_level\": 1", "\"max_level\": 1e400")));
        assertEquals(List.of("Criterion 1, point 2: level must be a whole number (found 1.5)",
                "Criterion 1, point 3: level must be a whole number (found 9999999999)",
                "Cap 1: max_level must be a whole number (found 1E+400)"), e.problems());
        assertEquals(2, RubricJson.read(MINIMAL.replace("\"level\": 2", "\"level\": 2.0")).criteria().get(0).maxLevel(),
                "2.0 is a whole number");
    }

    @Test
    void deepNestingIsRefusedWithoutCrashing() {
        String deep = "{\"title\": \"t\", \"extra\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        InvalidRubric e = assertThrows(InvalidRubric.class, () -> RubricJson.read(deep));
        assertTrue(e.getMessage().startsWith("The rubric file is not valid JSON"), e.getMessage());
    }

    @Test
    void importRefusesWhatTheRulesRefuse() {
        InvalidRubric e = assertThrows(InvalidRubric.class,
                () -> RubricJson.importJson(MINIMAL.replace("\"level\": 2", "\"level\": 3")));
        assertEquals(List.of("Criterion \"Response\": levels must be whole numbers without gaps (found 0, 1, 3)"), e.problems());
    }
}
