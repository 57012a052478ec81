package org.calibrate.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorerDifferencesTest {

    /** Six pieces scored by A and B on two criteria; C is one point lower than A on "evidence" only. */
    private static Ratings sixPieces() {
        Ratings.Builder b = Ratings.builder();
        for (int p = 0; p < 6; p++) {
            String piece = "p" + p;
            b.add(piece, "A", "claim", 2 + p % 2).add(piece, "A", "evidence", 3);
            b.add(piece, "C", "claim", 2 + p % 2).add(piece, "C", "evidence", 2);
        }
        return b.build();
    }

    @Test
    void meanDifferenceAgainstTheOtherScorersOfEachPiece() {
        Map<String, ScorerDifferences.Difference> byKey = new java.util.HashMap<>();
        ScorerDifferences.of(sixPieces()).forEach(d -> byKey.put(d.scorer() + "/" + d.criterion(), d));
        assertEquals(-1.0, byKey.get("C/evidence").meanDifference(), 1e-12);
        assertEquals(1.0, byKey.get("A/evidence").meanDifference(), 1e-12);
        assertEquals(0.0, byKey.get("C/claim").meanDifference(), 1e-12);
        assertEquals(6, byKey.get("C/evidence").pieces());
    }

    @Test
    void readingsNameTheScorerTheCriterionAndTheDirection() {
        List<String> readings = ScorerDifferences.readings(ScorerDifferences.of(sixPieces()),
                id -> Map.of("A", "Ana", "C", "Cal").get(id), c -> c.equals("evidence") ? "Evidence" : "Claim");
        assertEquals(2, readings.size(), readings.toString());
        assertTrue(readings.contains("Cal scores about 1 point lower than the other scorers of the same pieces on Evidence (6 pieces): "
                + "harsher than the group."), readings.toString());
        assertTrue(readings.stream().noneMatch(s -> s.contains("Claim")), "no reading for a criterion where they agree");
    }

    @Test
    void singleScoredPiecesAndSmallDifferencesSayNothing() {
        Ratings.Builder b = Ratings.builder();
        for (int p = 0; p < 4; p++) {
            b.add("p" + p, "A", "c", 1).add("p" + p, "B", "c", 2);
        }
        b.add("lonely", "A", "c", 3);
        List<ScorerDifferences.Difference> d = ScorerDifferences.of(b.build());
        assertEquals(4, d.stream().filter(x -> x.scorer().equals("A")).findFirst().orElseThrow().pieces(), "the single-scored piece is left out");
        assertTrue(ScorerDifferences.readings(d, x -> x, x -> x).isEmpty(), "four pieces are too few to read out");
    }

    @Test
    void amountsAreRoundedToHalfPoints() {
        assertEquals("half a point", ScorerDifferences.amount(0.45));
        assertEquals("1 point", ScorerDifferences.amount(0.9));
        assertEquals("1.5 points", ScorerDifferences.amount(1.6));
        assertEquals("2 points", ScorerDifferences.amount(2.1));
    }
}
