package org.calibrate.runtime;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small JSON values kept in one database column (levels per criterion, lists of keys), through JSON-B. */
public final class JsonText {
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Type LEVELS = new ParameterizedType() {
        public Type[] getActualTypeArguments() {
            return new Type[]{String.class, Integer.class};
        }

        public Type getRawType() {
            return Map.class;
        }

        public Type getOwnerType() {
            return null;
        }
    };
    private static final Type STRINGS = new ParameterizedType() {
        public Type[] getActualTypeArguments() {
            return new Type[]{String.class};
        }

        public Type getRawType() {
            return List.class;
        }

        public Type getOwnerType() {
            return null;
        }
    };

    private JsonText() {
    }

    public static String write(Object value) {
        return JSON.toJson(value);
    }

    /** A criterion → level map, in key order. */
    public static Map<String, Integer> levels(String json) {
        Map<String, Integer> read = JSON.fromJson(json, LEVELS);
        return read == null ? Map.of() : new TreeMap<>(read);
    }

    public static List<String> strings(String json) {
        List<String> read = JSON.fromJson(json, STRINGS);
        return read == null ? List.of() : List.copyOf(read);
    }
}
