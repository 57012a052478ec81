package org.calibrate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How far each scorer's levels sit from those of the other scorers of the same pieces, per criterion, and
 * the plain-language readings a department head can act on ("… scores about half a point lower than the
 * other scorers of the same pieces on Evidence"). Raw levels, not logits: the reading must mean the same
 * thing to every reader. The many-facet Rasch severities are the model-based view of the same question.
 */
public final class ScorerDifferences {
    /** Differences smaller than this are within what two careful scorers differ by; not worth a sentence. */
    static final double NOTABLE = 0.3;
    /** Fewer shared pieces than this say too little about a scorer to be read out. */
    static final int MIN_PIECES = 5;

    /** meanDifference = mean over the scorer's scores of (their level − the mean of the other scorers' levels on that piece). */
    public record Difference(String scorer, String criterion, int pieces, double meanDifference) {
    }

    private ScorerDifferences() {
    }

    public static List<Difference> of(Ratings r) {
        double[][] sum = new double[r.scorers()][r.criteria()];
        int[][] count = new int[r.scorers()][r.criteria()];
        for (int u = 0; u < r.units(); u++) {
            int start = r.unitStart(u);
            int end = r.unitEnd(u);
            int n = end - start;
            if (n < 2) {
                continue;
            }
            double total = 0;
            for (int i = start; i < end; i++) {
                total += r.score(i);
            }
            for (int i = start; i < end; i++) {
                double others = (total - r.score(i)) / (n - 1);
                sum[r.scorer(i)][r.unitCriterion(u)] += r.score(i) - others;
                count[r.scorer(i)][r.unitCriterion(u)]++;
            }
        }
        List<Difference> differences = new ArrayList<>();
        for (int s = 0; s < r.scorers(); s++) {
            for (int c = 0; c < r.criteria(); c++) {
                if (count[s][c] > 0) {
                    differences.add(new Difference(r.scorerId(s), r.criterionId(c), count[s][c], sum[s][c] / count[s][c]));
                }
            }
        }
        return List.copyOf(differences);
    }

    /**
     * One sentence per notable difference, largest first. {@code scorerName} and {@code criterionName} turn ids
     * into the names people use.
     */
    public static List<String> readings(List<Difference> differences, Function<String, String> scorerName,
                                        Function<String, String> criterionName) {
        return differences.stream()
                .filter(d -> d.pieces() >= MIN_PIECES && Math.abs(d.meanDifference()) >= NOTABLE)
                .sorted((a, b) -> Double.compare(Math.abs(b.meanDifference()), Math.abs(a.meanDifference())))
                .map(d -> scorerName.apply(d.scorer()) + " scores about " + amount(Math.abs(d.meanDifference()))
                        + (d.meanDifference() < 0 ? " lower" : " higher") + " than the other scorers of the same pieces on "
                        + criterionName.apply(d.criterion()) + " (" + d.pieces() + " pieces): "
                        + (d.meanDifference() < 0 ? "harsher" : "more lenient") + " than the group.")
                .toList();
    }

    /** "half a point", "1 point", "1.5 points": the precision the data carry. */
    static String amount(double points) {
        double halves = Math.round(points * 2) / 2.0;
        if (halves == 0.5) {
            return "half a point";
        }
        if (halves == 1) {
            return "1 point";
        }
        return String.format(Locale.ROOT, halves == Math.rint(halves) ? "%.0f points" : "%.1f points", halves);
    }
}
