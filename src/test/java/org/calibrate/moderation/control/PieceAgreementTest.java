package org.calibrate.moderation.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PieceAgreementTest {
    private static final List<String> CRITERIA = List.of("content", "evidence");

    private static PieceAgreement.Outcome of(List<Map<String, Integer>> scores) {
        return PieceAgreement.of(scores, CRITERIA);
    }

    @Test
    void sameLevelsEverywhereAgree() {
        assertEquals(new PieceAgreement.Outcome(PieceAgreement.Status.AGREED, 0),
                of(List.of(Map.of("content", 3, "evidence", 2), Map.of("content", 3, "evidence", 2))));
    }

    @Test
    void oneLevelApartOnAnyCriterionIsAdjacent() {
        assertEquals(PieceAgreement.Status.ADJACENT, of(List.of(Map.of("content", 3, "evidence", 2), Map.of("content", 2, "evidence", 2))).status());
    }

    @Test
    void theLargestDifferenceOnAnyCriterionDecides() {
        PieceAgreement.Outcome o = of(List.of(Map.of("content", 3, "evidence", 0), Map.of("content", 3, "evidence", 1), Map.of("content", 3, "evidence", 3)));
        assertEquals(PieceAgreement.Status.DISCREPANT, o.status());
        assertEquals(3, o.spread());
    }

    @Test
    void singleScoresAndBlanks() {
        assertEquals(PieceAgreement.Status.SINGLE, of(List.of(Map.of("content", 1, "evidence", 1))).status());
        assertEquals(PieceAgreement.Status.AGREED, of(List.of(Map.of(), Map.of())).status(), "two blanks agree");
        assertEquals(PieceAgreement.Status.DISCREPANT, of(List.of(Map.of(), Map.of("content", 1, "evidence", 0))).status());
    }
}
