package org.calibrate.stats;

import java.util.Arrays;

/**
 * Every pair of scores given to the same piece on the same criterion by two scorers, the raw material of
 * exact/adjacent agreement and kappa. A piece scored by m scorers gives m(m-1)/2 pairs; in double scoring
 * exactly one. Within a pair the scorer whose id sorts first comes first, so a scorer pair's contingency
 * table has a fixed orientation.
 */
final class Pairs {
    final int size;
    final int[] first;
    final int[] second;
    final int[] firstScorer;
    final int[] secondScorer;
    final int[] piece;
    final int[] criterion;

    private Pairs(int size, int[] first, int[] second, int[] firstScorer, int[] secondScorer, int[] piece, int[] criterion) {
        this.size = size;
        this.first = first;
        this.second = second;
        this.firstScorer = firstScorer;
        this.secondScorer = secondScorer;
        this.piece = piece;
        this.criterion = criterion;
    }

    static Pairs of(Ratings r) {
        long total = 0;
        for (int u = 0; u < r.units(); u++) {
            long m = r.unitEnd(u) - r.unitStart(u);
            total += m * (m - 1) / 2;
        }
        if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many pairs of scores: " + total);
        int n = (int) total;
        int[] a = new int[n], b = new int[n], sa = new int[n], sb = new int[n], p = new int[n], c = new int[n];
        int k = 0;
        for (int u = 0; u < r.units(); u++) {
            for (int i = r.unitStart(u); i < r.unitEnd(u); i++) {
                for (int j = i + 1; j < r.unitEnd(u); j++) {
                    a[k] = r.score(i);
                    b[k] = r.score(j);
                    sa[k] = r.scorer(i);
                    sb[k] = r.scorer(j);
                    p[k] = r.piece(i);
                    c[k] = r.criterion(i);
                    k++;
                }
            }
        }
        return new Pairs(n, a, b, sa, sb, p, c);
    }

    /** Positions of the pairs on one criterion. */
    int[] onCriterion(int c) {
        return java.util.stream.IntStream.range(0, size).filter(i -> criterion[i] == c).toArray();
    }

    /** Every position. */
    int[] all() {
        return java.util.stream.IntStream.range(0, size).toArray();
    }

    /** Distinct pieces behind the pairs at ascending positions; pairs come piece by piece, so counting changes is enough. */
    int pieces(int[] at) {
        int count = 0;
        for (int k = 0; k < at.length; k++) if (k == 0 || piece[at[k]] != piece[at[k - 1]]) count++;
        return count;
    }

    /** Positions of the pairs each scorer took part in, ascending: {start per scorer, positions}. */
    int[][] byScorer(int scorers) {
        int[] start = new int[scorers + 1];
        for (int i = 0; i < size; i++) {
            start[firstScorer[i] + 1]++;
            start[secondScorer[i] + 1]++;
        }
        for (int s = 0; s < scorers; s++) start[s + 1] += start[s];
        int[] next = java.util.Arrays.copyOf(start, scorers);
        int[] positions = new int[2 * size];
        for (int i = 0; i < size; i++) {
            positions[next[firstScorer[i]]++] = i;
            positions[next[secondScorer[i]]++] = i;
        }
        return new int[][] {start, positions};
    }

    /**
     * Pair positions grouped by scorer pair: returns the positions sorted by (first scorer, second scorer),
     * keeping piece order inside each group (the sort is on a key that ends with the position).
     */
    int[] byScorerPair(int scorers) {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) firstScorer[i] * scorers + secondScorer[i]) * size + i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) order[i] = (int) (keys[i] % size);
        return order;
    }
}
