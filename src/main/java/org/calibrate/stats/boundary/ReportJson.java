package org.calibrate.stats.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Writes the report's record tree as JSON, one member per record component under the component's name, so
 * the JSON shape is the records' shape and cannot drift from it; a map keyed by ids becomes an object with
 * those ids as members. Nulls stay null (an undefined figure carries its reason beside it); non-finite
 * numbers cannot occur but would be written as null, never NaN.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static JsonValue of(Object value) {
        if (value == null) return JsonValue.NULL;
        if (value instanceof String s) return Json.createValue(s);
        if (value instanceof Boolean b) return b ? JsonValue.TRUE : JsonValue.FALSE;
        if (value instanceof Integer i) return Json.createValue(i);
        if (value instanceof Long l) return Json.createValue(l);
        if (value instanceof Double d) return Double.isFinite(d) ? Json.createValue(round(d)) : JsonValue.NULL;
        if (value instanceof Enum<?> e) return Json.createValue(e.name().toLowerCase());
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (Object item : list) array.add(of(item));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            // Keys become member names, so only string keys (ids) have a JSON form; order is the map's.
            JsonObjectBuilder object = Json.createObjectBuilder();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("no JSON form for a map keyed by " + entry.getKey().getClass());
                }
                object.add(key, of(entry.getValue()));
            }
            return object.build();
        }
        if (value instanceof Record record) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    object.add(component.getName(), of(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return object.build();
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }

    /** Six significant decimals are far beyond what the data support and keep the file readable. */
    private static double round(double d) {
        return Math.round(d * 1e6) / 1e6;
    }
}
