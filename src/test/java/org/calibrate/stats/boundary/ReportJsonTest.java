package org.calibrate.stats.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportJsonTest {

    record Holder(Map<String, Map<String, Double>> levels) {
    }

    @Test
    void mapsKeyedByIdsBecomeObjectsInTheMapsOrder() {
        Map<String, Double> piece = new LinkedHashMap<>();
        piece.put("z", 2.1234567);
        piece.put("a", Double.NaN);
        JsonObject json = (JsonObject) ReportJson.of(new Holder(Map.of("P1", piece)));
        JsonObject p1 = json.getJsonObject("levels").getJsonObject("P1");
        assertEquals(List.of("z", "a"), List.copyOf(p1.keySet()));
        assertEquals(2.123457, p1.getJsonNumber("z").doubleValue());
        assertTrue(p1.isNull("a"));
    }

    @Test
    void aMapKeyedByAnythingButStringsHasNoJsonForm() {
        assertThrows(IllegalArgumentException.class, () -> ReportJson.of(Map.of(1, 2.0)));
    }
}
