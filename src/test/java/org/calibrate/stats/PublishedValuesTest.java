package org.calibrate.stats;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each statistic against a value published for a published data set; the source is cited at each test. */
class PublishedValuesTest {

    /**
     * irr package manual (Gamer, Lemon, Fellows and Singh), kappa2 example: {@code kappa2(anxiety[,1:2],
     * "squared")} gives Kappa = 0.297 for the first two raters of the 20-subject anxiety data (levels 1..6).
     */
    @Test
    void quadraticKappaOnIrrAnxietyData() {
        int[] rater1 = {3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3};
        int[] rater2 = {3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4};
        double[][] table = new double[6][6];
        for (int i = 0; i < rater1.length; i++) table[rater1[i] - 1][rater2[i] - 1]++;
        assertEquals(0.297, CohenKappa.of(table, CohenKappa.Weighting.QUADRATIC, 20).value(), 0.0005);
    }

    /**
     * The textbook 2 x 2 example (Wikipedia, "Cohen's kappa", worked example): 50 proposals, both say yes 20,
     * A yes / B no 5, A no / B yes 10, both no 15; p_o = 0.7, p_e = 0.5, kappa = 0.4. With two levels every
     * weighting gives the same value.
     */
    @Test
    void kappaOnTwoByTwoTable() {
        double[][] table = {{20, 5}, {10, 15}};
        for (CohenKappa.Weighting w : CohenKappa.Weighting.values()) {
            assertEquals(0.4, CohenKappa.of(table, w, 50).value(), 1e-12);
        }
    }

    /**
     * Derived by hand (no published source used): table [[10,2,0],[3,8,2],[0,1,4]], n = 30, row margins
     * 12,13,5, column margins 13,11,6. Unweighted: p_o = 22/30, p_e = (12*13 + 13*11 + 5*6)/900 = 329/900,
     * kappa = 331/571. Linear weights (1, .5, 0): p_o = (22 + .5*8)/30 = 26/30, p_e = 546/900, kappa =
     * 234/354. Quadratic weights (1, .75, 0): p_o = (22 + .75*8)/30 = 28/30, p_e = 654.5/900, kappa = 185.5/245.5.
     */
    @Test
    void weightedKappaOnThreeLevelTable() {
        double[][] table = {{10, 2, 0}, {3, 8, 2}, {0, 1, 4}};
        assertEquals(331.0 / 571, CohenKappa.of(table, CohenKappa.Weighting.UNWEIGHTED, 30).value(), 1e-12);
        assertEquals(234.0 / 354, CohenKappa.of(table, CohenKappa.Weighting.LINEAR, 30).value(), 1e-12);
        assertEquals(185.5 / 245.5, CohenKappa.of(table, CohenKappa.Weighting.QUADRATIC, 30).value(), 1e-12);
    }

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers, 12 units,
     * values 1..5 with missing data; alpha nominal 0.743, ordinal 0.815, interval 0.849.
     */
    @Test
    void alphaOnKrippendorffsExample() {
        Integer[][] data = {
                {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
                {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
                {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
                {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null}};
        Ratings.Builder builder = Ratings.builder();
        for (int observer = 0; observer < data.length; observer++) {
            for (int unit = 0; unit < data[observer].length; unit++) {
                if (data[observer][unit] != null) {
                    builder.add("u" + (100 + unit), "observer" + observer, "c", data[observer][unit]);
                }
            }
        }
        Ratings r = builder.build();
        int[] units = IntStream.range(0, r.units()).toArray();
        assertEquals(0.743, KrippendorffAlpha.alpha(r, units, 1, 5, KrippendorffAlpha.Metric.NOMINAL), 0.0005);
        assertEquals(0.815, KrippendorffAlpha.alpha(r, units, 1, 5, KrippendorffAlpha.Metric.ORDINAL), 0.0005);
        assertEquals(0.849, KrippendorffAlpha.alpha(r, units, 1, 5, KrippendorffAlpha.Metric.INTERVAL), 0.0005);
    }

    /**
     * Shrout and Fleiss (1979), Table 2: 6 targets x 4 judges; ICC(2,1) = 0.29 and ICC(3,1) = 0.71, which
     * McGraw and Wong (1996) call ICC(A,1) (absolute agreement) and ICC(C,1) (consistency).
     */
    @Test
    void iccOnShroutAndFleissData() {
        int[][] data = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
        Ratings.Builder builder = Ratings.builder();
        for (int target = 0; target < data.length; target++) {
            for (int judge = 0; judge < 4; judge++) builder.add("t" + target, "j" + judge, "c", data[target][judge]);
        }
        Ratings r = builder.build();
        Icc.Result icc = Icc.of(r, IntStream.range(0, r.units()).toArray(), 6);
        assertEquals(0.29, icc.absolute().value(), 0.005);
        assertEquals(0.71, icc.consistency().value(), 0.005);
        // The interval must contain the estimate and stay within the ICC's range.
        assertEquals(true, icc.consistency().lower() < 0.71 && icc.consistency().upper() > 0.71 && icc.consistency().upper() <= 1);
        assertEquals(true, icc.absolute().lower() < 0.29 && icc.absolute().upper() > 0.29);
    }
}
