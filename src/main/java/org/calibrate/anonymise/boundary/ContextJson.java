package org.calibrate.anonymise.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.calibrate.anonymise.entity.CourseContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the launch context file of the anonymise command (docs/anonymisation.md):
 * {"course_title", "course_label", "schools": [{"name", "aliases": [...]}], "classes": [...]}, every key optional.
 */
public final class ContextJson {
    private ContextJson() {
    }

    public static CourseContext context(JsonObject o) {
        List<CourseContext.School> schools = new ArrayList<>();
        for (JsonValue s : array(o, "schools")) {
            if (!(s instanceof JsonObject school) || RosterJson.text(school, "name").isEmpty()) {
                throw new IllegalArgumentException("each of \"schools\" needs a \"name\": {\"name\": \"Riverside Middle School\", \"aliases\": [\"Riverside\"]}");
            }
            schools.add(new CourseContext.School(RosterJson.text(school, "name").get(), strings(school, "aliases")));
        }
        return new CourseContext(RosterJson.text(o, "course_title"), RosterJson.text(o, "course_label"), schools, strings(o, "classes"));
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : array(o, key)) {
            if (!(v instanceof JsonString s)) {
                throw new IllegalArgumentException("\"" + key + "\" holds strings only");
            }
            out.add(s.getString());
        }
        return out;
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (!(v instanceof JsonArray a)) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array");
        }
        return a;
    }
}
