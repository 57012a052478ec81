package org.calibrate.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The counts behind the report's pictures: how often each scorer used each level of each criterion (restricted
 * range and central tendency show here first), and for each pair of scorers and criterion the confusion matrix of
 * the levels they gave the pieces they shared (rows: the first scorer's level, columns: the second's).
 */
public final class Distributions {

    /** counts[k] = how often the scorer gave level minLevel + k on the criterion. */
    public record LevelCounts(String scorer, String criterion, int minLevel, List<Integer> counts) {
    }

    /** cells[i][j] = pieces where the first scorer gave minLevel + i and the second minLevel + j. */
    public record Confusion(String firstScorer, String secondScorer, String criterion, int minLevel, List<List<Integer>> cells) {
    }

    private Distributions() {
    }

    public static List<LevelCounts> levels(Ratings r) {
        int[][][] counts = new int[r.scorers()][r.criteria()][];
        for (int c = 0; c < r.criteria(); c++) {
            for (int s = 0; s < r.scorers(); s++) {
                counts[s][c] = new int[r.maxScore(c) - r.minScore(c) + 1];
            }
        }
        boolean[][] used = new boolean[r.scorers()][r.criteria()];
        for (int i = 0; i < r.size(); i++) {
            int c = r.criterion(i);
            counts[r.scorer(i)][c][r.score(i) - r.minScore(c)]++;
            used[r.scorer(i)][c] = true;
        }
        List<LevelCounts> out = new ArrayList<>();
        for (int s = 0; s < r.scorers(); s++) {
            for (int c = 0; c < r.criteria(); c++) {
                if (used[s][c]) {
                    out.add(new LevelCounts(r.scorerId(s), r.criterionId(c), r.minScore(c), Arrays.stream(counts[s][c]).boxed().toList()));
                }
            }
        }
        return List.copyOf(out);
    }

    /** One matrix per pair of scorers and criterion that share at least one piece; scorer ids in sorted order. */
    public static List<Confusion> confusions(Ratings r) {
        int n = r.scorers();
        int[][][][][] cells = new int[n][n][][][];
        for (int u = 0; u < r.units(); u++) {
            int c = r.unitCriterion(u);
            int size = r.maxScore(c) - r.minScore(c) + 1;
            for (int i = r.unitStart(u); i < r.unitEnd(u); i++) {
                for (int j = i + 1; j < r.unitEnd(u); j++) {
                    boolean ordered = r.scorer(i) < r.scorer(j);
                    int a = ordered ? i : j;
                    int b = ordered ? j : i;
                    int[][][] byCriterion = cellsFor(cells, r.scorer(a), r.scorer(b), r.criteria());
                    if (byCriterion[c] == null) {
                        byCriterion[c] = new int[size][size];
                    }
                    byCriterion[c][r.score(a) - r.minScore(c)][r.score(b) - r.minScore(c)]++;
                }
            }
        }
        List<Confusion> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (cells[a][b] == null) {
                    continue;
                }
                for (int c = 0; c < r.criteria(); c++) {
                    int[][] m = cells[a][b][c];
                    if (m != null) {
                        out.add(new Confusion(r.scorerId(a), r.scorerId(b), r.criterionId(c), r.minScore(c),
                                Arrays.stream(m).map(row -> Arrays.stream(row).boxed().toList()).toList()));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    // The matrices of a pair are made on its first shared piece: a round of 500 scorers has 250,000 pairs, most empty.
    private static int[][][] cellsFor(int[][][][][] cells, int a, int b, int criteria) {
        if (cells[a][b] == null) {
            cells[a][b] = new int[criteria][][];
        }
        return cells[a][b];
    }
}
