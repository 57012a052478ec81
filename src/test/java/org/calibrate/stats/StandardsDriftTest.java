package org.calibrate.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardsDriftTest {

    @Test
    void theDifferenceIsGivenMinusAgreedAveragedPerAnchorFirst() {
        // Anchor A re-scored three times one point low, anchor B once exactly: anchors weigh equally → −0.5.
        List<StandardsDrift.Rescore> r = List.of(new StandardsDrift.Rescore("A", "evidence", 3, 2), new StandardsDrift.Rescore("A", "evidence", 3, 2),
                new StandardsDrift.Rescore("A", "evidence", 3, 2), new StandardsDrift.Rescore("B", "evidence", 2, 2));
        StandardsDrift.Criterion c = StandardsDrift.of(r).get(0);
        assertEquals(-0.5, c.meanDifference().value(), 1e-12);
        assertEquals(4, c.scores());
        assertEquals(2, c.anchors());
        // t(0.975, 1) = 12.706; SE over the anchor means (−1, 0) = 0.5.
        assertEquals(-0.5 - 12.7062 * 0.5, c.meanDifference().lower(), 1e-3);
        assertEquals(-0.5 + 12.7062 * 0.5, c.meanDifference().upper(), 1e-3);
    }

    @Test
    void oneAnchorHasNoIntervalAndTheReadingSaysSo() {
        List<StandardsDrift.Criterion> d = StandardsDrift.of(List.of(new StandardsDrift.Rescore("A", "ideas", 2, 1), new StandardsDrift.Rescore("A", "ideas", 2, 1)));
        assertNull(d.get(0).meanDifference().lower());
        List<String> readings = StandardsDrift.readings(d, k -> "Ideas");
        assertEquals(1, readings.size());
        assertTrue(readings.get(0).contains("about 1.0 point less than the agreed scores on Ideas (2 scores on 1 exemplar): standards may have become harsher (too few exemplars to be sure)"),
                readings.get(0));
    }

    @Test
    void aClearShiftOverManyAnchorsReadsWithoutReservation() {
        List<StandardsDrift.Rescore> r = new ArrayList<>();
        for (int a = 0; a < 8; a++) {
            r.add(new StandardsDrift.Rescore("A" + a, "voice", 2, 3));
            r.add(new StandardsDrift.Rescore("A" + a, "voice", 2, a % 2 == 0 ? 3 : 2));
        }
        StandardsDrift.Criterion c = StandardsDrift.of(r).get(0);
        assertEquals(0.75, c.meanDifference().value(), 1e-12);
        assertTrue(c.meanDifference().lower() > 0);
        String reading = StandardsDrift.readings(List.of(c), k -> "Voice").get(0);
        assertTrue(reading.contains("more than the agreed scores on Voice") && reading.endsWith("more lenient."), reading);
    }

    @Test
    void smallDifferencesAreInLineAndUnreported() {
        List<StandardsDrift.Criterion> d = StandardsDrift.of(List.of(new StandardsDrift.Rescore("A", "ideas", 2, 2), new StandardsDrift.Rescore("B", "ideas", 2, 2)));
        assertEquals(0.0, d.get(0).meanDifference().value());
        assertTrue(StandardsDrift.readings(d, k -> k).isEmpty());
    }
}
