package org.calibrate.grades.entity;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The line item rules of AGS 2.0 §3.2 that a column must meet before the tool asks for it. */
class LineItemTest {
    private static LineItem item(String label, double maximum) {
        return new LineItem(Optional.empty(), label, maximum, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    @DisplayName("AGS 2.0 §3.2.7: a label must be given and not blank")
    void label() {
        assertDoesNotThrow(() -> item("Essay 1", 24));
        assertThrows(IllegalArgumentException.class, () -> item(" ", 24));
        assertThrows(IllegalArgumentException.class, () -> item(null, 24));
    }

    @Test
    @DisplayName("AGS 2.0 §3.2.8: scoreMaximum is strictly greater than 0")
    void scoreMaximum() {
        assertDoesNotThrow(() -> item("Essay 1", 0.5));
        assertThrows(IllegalArgumentException.class, () -> item("Essay 1", 0));
        assertThrows(IllegalArgumentException.class, () -> item("Essay 1", -4));
        assertThrows(IllegalArgumentException.class, () -> item("Essay 1", Double.NaN));
    }
}
