package org.calibrate.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring chart of a round in compact form: one entry per (piece, scorer, criterion) score, ids mapped
 * to ints, held in parallel arrays sorted by piece, then criterion, then scorer. Sorting piece-major puts
 * the scores of one piece on one criterion (a "unit") next to each other, and all units of a piece next to
 * each other, so every statistic is a single pass over arrays — no per-score objects at 100k pieces.
 * Ids are numbered in sorted order, so results do not depend on the order of the input rows.
 */
public final class Ratings {
    private final List<String> pieceIds;
    private final List<String> scorerIds;
    private final List<String> criterionIds;
    private final int[] piece;
    private final int[] scorer;
    private final int[] criterion;
    private final int[] score;
    /** When each score was given (a sequence number or a timestamp), or null when the scores carry none. */
    private final long[] order;
    /** Unit u (one piece on one criterion) holds entries unitStart[u] until unitStart[u + 1]. */
    private final int[] unitStart;
    private final int[] criterionMin;
    private final int[] criterionMax;

    private Ratings(List<String> pieceIds, List<String> scorerIds, List<String> criterionIds,
                    int[] piece, int[] scorer, int[] criterion, int[] score, long[] order) {
        this.pieceIds = pieceIds;
        this.scorerIds = scorerIds;
        this.criterionIds = criterionIds;
        this.piece = piece;
        this.scorer = scorer;
        this.criterion = criterion;
        this.score = score;
        this.order = order;
        int units = 0;
        for (int i = 0; i < piece.length; i++) {
            if (i == 0 || piece[i] != piece[i - 1] || criterion[i] != criterion[i - 1]) units++;
        }
        unitStart = new int[units + 1];
        int u = 0;
        for (int i = 0; i < piece.length; i++) {
            if (i == 0 || piece[i] != piece[i - 1] || criterion[i] != criterion[i - 1]) unitStart[u++] = i;
        }
        unitStart[units] = piece.length;
        criterionMin = new int[criterionIds.size()];
        criterionMax = new int[criterionIds.size()];
        Arrays.fill(criterionMin, Integer.MAX_VALUE);
        Arrays.fill(criterionMax, Integer.MIN_VALUE);
        for (int i = 0; i < score.length; i++) {
            criterionMin[criterion[i]] = Math.min(criterionMin[criterion[i]], score[i]);
            criterionMax[criterion[i]] = Math.max(criterionMax[criterion[i]], score[i]);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() { return score.length; }
    public int pieces() { return pieceIds.size(); }
    public int scorers() { return scorerIds.size(); }
    public int criteria() { return criterionIds.size(); }
    public int units() { return unitStart.length - 1; }

    public int piece(int i) { return piece[i]; }
    public int scorer(int i) { return scorer[i]; }
    public int criterion(int i) { return criterion[i]; }
    public int score(int i) { return score[i]; }

    /** Whether every score carries an order (sequence number or timestamp); drift needs one. */
    public boolean hasOrder() { return order != null; }

    /** The order of score i; only meaningful when {@link #hasOrder()}. */
    public long order(int i) {
        if (order == null) throw new IllegalStateException("these scores carry no order");
        return order[i];
    }

    public int unitStart(int u) { return unitStart[u]; }
    public int unitEnd(int u) { return unitStart[u + 1]; }
    public int unitCriterion(int u) { return criterion[unitStart[u]]; }
    public int unitPiece(int u) { return piece[unitStart[u]]; }

    public String pieceId(int p) { return pieceIds.get(p); }
    public String scorerId(int s) { return scorerIds.get(s); }
    public String criterionId(int c) { return criterionIds.get(c); }

    /** Lowest and highest level used on a criterion: the scale the statistics work on. */
    public int minScore(int c) { return criterionMin[c]; }
    public int maxScore(int c) { return criterionMax[c]; }

    public int minScore() { return Arrays.stream(criterionMin).min().orElse(0); }
    public int maxScore() { return Arrays.stream(criterionMax).max().orElse(0); }

    /** Collects rows; ids are free text (piece codes, scorer ids, criterion names), scores are integer levels. */
    public static final class Builder {
        private final Map<String, Integer> pieces = new HashMap<>();
        private final Map<String, Integer> scorers = new HashMap<>();
        private final Map<String, Integer> criteria = new HashMap<>();
        private int[] p = new int[1024];
        private int[] s = new int[1024];
        private int[] c = new int[1024];
        private int[] v = new int[1024];
        private long[] o = new long[1024];
        private int n;
        private int ordered;

        public Builder add(String piece, String scorer, String criterion, int score) {
            if (n == v.length) {
                p = Arrays.copyOf(p, n * 2);
                s = Arrays.copyOf(s, n * 2);
                c = Arrays.copyOf(c, n * 2);
                v = Arrays.copyOf(v, n * 2);
                o = Arrays.copyOf(o, n * 2);
            }
            p[n] = index(pieces, piece, "piece");
            s[n] = index(scorers, scorer, "scorer");
            c[n] = index(criteria, criterion, "criterion");
            v[n] = score;
            n++;
            return this;
        }

        /**
         * A score with the order in which it was given: a sequence number or a timestamp (any increasing
         * long). Either every score carries an order or none does.
         */
        public Builder add(String piece, String scorer, String criterion, int score, long order) {
            add(piece, scorer, criterion, score);
            o[n - 1] = order;
            ordered++;
            return this;
        }

        private static int index(Map<String, Integer> ids, String id, String what) {
            if (id == null || id.isBlank()) throw new IllegalArgumentException("empty " + what + " id");
            return ids.computeIfAbsent(id, k -> ids.size());
        }

        /**
         * Renumbers ids in sorted order and sorts the entries with one long key per score, so building is
         * O(n log n) on primitives. A second score by the same scorer for the same piece and criterion is an
         * error: which one counts is the caller's decision, not ours.
         */
        public Ratings build() {
            if (ordered > 0 && ordered < n) {
                throw new IllegalArgumentException(ordered + " of " + n + " scores carry an order and the others do not;"
                        + " give every score an order or none");
            }
            List<String> pieceIds = sorted(pieces);
            List<String> scorerIds = sorted(scorers);
            List<String> criterionIds = sorted(criteria);
            int[] pieceRank = ranks(pieces, pieceIds);
            int[] scorerRank = ranks(scorers, scorerIds);
            int[] criterionRank = ranks(criteria, criterionIds);
            long nc = criterionIds.size();
            long ns = scorerIds.size();
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                long unit = (long) pieceRank[p[i]] * nc + criterionRank[c[i]];
                long entry = Math.addExact(Math.multiplyExact(unit, ns), scorerRank[s[i]]);
                keys[i] = Math.addExact(Math.multiplyExact(entry, (long) n), i);
            }
            Arrays.sort(keys);
            int[] rp = new int[n];
            int[] rs = new int[n];
            int[] rc = new int[n];
            int[] rv = new int[n];
            long[] ro = ordered > 0 ? new long[n] : null;
            for (int k = 0; k < n; k++) {
                int i = (int) (keys[k] % n);
                rp[k] = pieceRank[p[i]];
                rs[k] = scorerRank[s[i]];
                rc[k] = criterionRank[c[i]];
                rv[k] = v[i];
                if (ro != null) ro[k] = o[i];
                if (k > 0 && rp[k] == rp[k - 1] && rs[k] == rs[k - 1] && rc[k] == rc[k - 1]) {
                    throw new IllegalArgumentException("scorer " + scorerIds.get(rs[k]) + " scored piece "
                            + pieceIds.get(rp[k]) + " on criterion " + criterionIds.get(rc[k])
                            + " twice; keep one score per piece, scorer and criterion");
                }
            }
            return new Ratings(pieceIds, scorerIds, criterionIds, rp, rs, rc, rv, ro);
        }

        private static List<String> sorted(Map<String, Integer> ids) {
            List<String> list = new ArrayList<>(ids.keySet());
            list.sort(null);
            return List.copyOf(list);
        }

        private static int[] ranks(Map<String, Integer> ids, List<String> sorted) {
            int[] rank = new int[ids.size()];
            for (int r = 0; r < sorted.size(); r++) rank[ids.get(sorted.get(r))] = r;
            return rank;
        }
    }
}
