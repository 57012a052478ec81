package org.calibrate.rounds.entity;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodesTest {
    @Test
    void pieceCodesAreRandomReadableAndUnlikelyToRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String c = PieceCode.random().value();
            assertTrue(c.matches("[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{3}"), c);
            seen.add(c);
        }
        assertTrue(seen.size() > 1990, "31^6 ≈ 887 million codes: 2000 draws rarely repeat");
    }

    @Test
    void pieceCodesParseLeniently() {
        assertEquals("K7P-2QX", PieceCode.parse(" k7p-2qx ").orElseThrow().value());
        assertTrue(PieceCode.parse("K7P2QX").isEmpty());
        assertTrue(PieceCode.parse("K0P-2QX").isEmpty(), "0 is not in the alphabet");
        assertTrue(PieceCode.parse("../etc").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new PieceCode("abc-def"));
    }

    @Test
    void joinCodes() {
        for (int i = 0; i < 200; i++) {
            assertTrue(JoinCode.random().value().matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"));
        }
        assertEquals("MXR4-7TQP", JoinCode.parse("mxr47tqp").orElseThrow().value());
        assertEquals("MXR4-7TQP", JoinCode.parse(" MXR4 7TQP ").orElseThrow().value());
        assertTrue(JoinCode.parse("MXR4-7TQ").isEmpty());
    }
}
