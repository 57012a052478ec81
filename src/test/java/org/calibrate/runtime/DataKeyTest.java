package org.calibrate.runtime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataKeyTest {
    // Test fixture keys (32 bytes, base64), never used outside the tests.
    private static final String KEY = "c2VjcmV0LWtleS1mb3ItdGhlLXRlc3RzLW9ubHktMzI=";
    private static final String OTHER = "dGVzdC1maXh0dXJlLWtleS1wb3N0Z3Jlcy0zMi1ieXQ=";

    private static DataKey key(String base64) {
        Settings settings = new Settings(Optional.empty(), 8080, "lti-config", Optional.empty(), "jdbc:postgresql://db/x", "P7D", "PT2H",
                Optional.empty(), "PT5S", "PT30S");
        return new DataKey(Optional.of(base64), settings, null);
    }

    @Test
    void textAndBytesComeBackAsWrittenAndDifferEachTime() {
        DataKey k = key(KEY);
        String sealed = k.seal("user-42");
        assertFalse(sealed.contains("user-42"));
        assertNotEquals(sealed, k.seal("user-42"), "a fresh IV per value");
        assertTrue(k.open(sealed).equals("user-42"));
        byte[] file = "Maya's essay".getBytes(StandardCharsets.UTF_8);
        byte[] stored = k.sealBytes(file);
        assertTrue(DataKey.sealedBytes(stored));
        assertFalse(DataKey.sealedBytes(file));
        assertArrayEquals(file, k.openBytes(stored));
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = key(KEY).seal("user-42");
        byte[] stored = key(KEY).sealBytes(new byte[] {1, 2, 3});
        assertThrows(IllegalStateException.class, () -> key(OTHER).open(sealed));
        assertThrows(IllegalStateException.class, () -> key(OTHER).openBytes(stored));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThrows(IllegalStateException.class, () -> key("c2hvcnQ=").seal("x"));
    }
}
