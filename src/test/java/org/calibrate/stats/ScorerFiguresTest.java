package org.calibrate.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScorerFiguresTest {

    @Test
    void aScorersOwnFiguresAreThoseOfTheWholeReport() {
        Ratings.Builder b = Ratings.builder();
        for (int p = 0; p < 20; p++) {
            b.add("p" + p, "s" + (p % 4), "c", 1 + p % 3).add("p" + p, "s" + ((p + 1) % 4), "c", 1 + (p / 2) % 3);
        }
        Ratings r = b.build();
        assertEquals(RoundStatistics.compute(r, null).scorers(), RoundStatistics.scorers(r));
    }
}
