package org.calibrate.rubrics.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import org.calibrate.rubrics.entity.RubricDefinition;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rubric as JSON (JSON-B): the stored form, the API form and the file format of rubric import/export. */
public final class RubricJson {
    static final int MAX_BYTES = 256 * 1024;
    /** Jsonb instances are thread-safe and costly to build, so one serves every call. */
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([a-z_]+)'");
    private static final Set<String> FIELDS = Set.of("title", "description", "criteria", "caps", "notes", "key",
            "name", "points", "level", "label", "descriptor", "condition", "max_level");

    private RubricJson() {
    }

    public static String write(RubricDefinition rubric) {
        return JSONB.toJson(rubric);
    }

    /** Reads without checking the rules, e.g. for a draft; {@link #importJson} is the path for outside input. */
    public static RubricDefinition read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRubric("The rubric file is empty");
        }
        // Characters first: a huge string is refused before it is encoded.
        if (json.length() > MAX_BYTES || json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRubric("The rubric file is larger than " + MAX_BYTES / 1024 + " KB");
        }
        wholeLevels(parse(json));
        try {
            return JSONB.fromJson(json, RubricDefinition.class);
        } catch (JsonbException | ClassCastException | IllegalArgumentException e) {
            throw new InvalidRubric(wrongShape(e));
        }
    }

    /** The import path: read, then refuse anything that breaks the rubric rules. */
    public static RubricDefinition importJson(String json) {
        RubricDefinition rubric = read(json);
        RubricRules.requireValid(rubric);
        return rubric;
    }

    /** JSON-P first, because it reports where the syntax breaks, and JSON-B does not. */
    private static JsonObject parse(String json) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new InvalidRubric(at == null ? "The rubric file is not valid JSON"
                    : "The rubric file is not valid JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")");
        } catch (JsonException e) {
            throw new InvalidRubric("The rubric file is not valid JSON");
        } catch (RuntimeException e) {
            // Parsson refuses nesting deeper than 1000 with a bare RuntimeException; a rubric nests four deep.
            throw new InvalidRubric("The rubric file is not valid JSON, or nests far deeper than a rubric does");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRubric("The rubric file must hold one JSON object, not "
                    + value.getValueType().name().toLowerCase(Locale.ROOT));
        }
        return value.asJsonObject();
    }

    /** JSON-B would quietly cut 2.5 to 2 and wrap 9999999999 around; a level is a whole number or refused. */
    private static void wholeLevels(JsonObject rubric) {
        List<String> problems = new ArrayList<>();
        List<JsonObject> criteria = objects(rubric, "criteria");
        for (int c = 0; c < criteria.size(); c++) {
            List<JsonObject> points = objects(criteria.get(c), "points");
            for (int p = 0; p < points.size(); p++) {
                whole(points.get(p), "level", "Criterion " + (c + 1) + ", point " + (p + 1), problems);
            }
        }
        List<JsonObject> caps = objects(rubric, "caps");
        for (int c = 0; c < caps.size(); c++) {
            whole(caps.get(c), "max_level", "Cap " + (c + 1), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRubric(problems.size() > RubricRules.MAX_PROBLEMS ? problems.subList(0, RubricRules.MAX_PROBLEMS) : problems);
        }
    }

    private static void whole(JsonObject o, String field, String who, List<String> problems) {
        if (o.get(field) instanceof JsonNumber n && !wholeInt(n.bigDecimalValue())) {
            String shown = n.toString();
            problems.add(who + ": " + field + " must be a whole number (found "
                    + (shown.length() > 20 ? shown.substring(0, 17) + "…" : shown) + ")");
        }
    }

    /** 2.0 is whole; the range is compared first, which stays cheap even for 1e999999999. */
    private static boolean wholeInt(BigDecimal v) {
        return v.compareTo(INT_MIN) >= 0 && v.compareTo(INT_MAX) <= 0
                && (v.signum() == 0 || v.stripTrailingZeros().scale() <= 0);
    }

    /** The objects in an array field; anything else is left for JSON-B to refuse. */
    private static List<JsonObject> objects(JsonObject o, String field) {
        if (!(o.get(field) instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject).toList();
    }

    /** Names the field that does not fit (yasson says "Unable to deserialize property 'x'" per level). */
    private static String wrongShape(Throwable failure) {
        List<String> path = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (m.lookingAt() && FIELDS.contains(m.group(1))) {
                path.add(m.group(1));
            }
        }
        String where = path.isEmpty() ? "" : " at " + String.join(" › ", path);
        return "The rubric file does not fit the rubric format" + where
                + ": levels are whole numbers, texts are strings, and criteria, points, caps and notes are lists";
    }
}
