package org.calibrate.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether scorer severities and piece measures can be put on one scale: pieces and scorers are linked
 * when a scorer scored a piece, and every piece and scorer must be reachable from every other. Criteria are
 * left out of the graph on purpose: every piece is scored on every criterion, so a criterion would link two
 * groups of scorers that never shared a piece, hiding exactly the disconnection that makes severity and
 * piece ability indistinguishable (Linacre, Many-Facet Rasch Measurement, on disjoint subsets).
 */
public final class Connectedness {

    /** One connected part of the design, largest first. Piece ids are a sample, to keep reports small. */
    public record Subset(int pieces, int scorers, List<String> scorerIds, List<String> samplePieceIds) {
    }

    static final int SAMPLE = 10;

    private Connectedness() {
    }

    /** The subsets formed by the ratings marked active. */
    static List<Subset> subsets(Ratings r, boolean[] active) {
        int pieces = r.pieces();
        int[] parent = new int[pieces + r.scorers()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        boolean[] used = new boolean[parent.length];
        for (int i = 0; i < r.size(); i++) {
            if (!active[i]) continue;
            int a = r.piece(i);
            int b = pieces + r.scorer(i);
            used[a] = true;
            used[b] = true;
            union(parent, a, b);
        }
        int[] subsetOf = new int[parent.length];
        List<int[]> counts = new ArrayList<>();
        List<List<String>> scorerIds = new ArrayList<>();
        List<List<String>> pieceIds = new ArrayList<>();
        java.util.Arrays.fill(subsetOf, -1);
        for (int node = 0; node < parent.length; node++) {
            if (!used[node]) continue;
            int root = find(parent, node);
            if (subsetOf[root] < 0) {
                subsetOf[root] = counts.size();
                counts.add(new int[2]);
                scorerIds.add(new ArrayList<>());
                pieceIds.add(new ArrayList<>());
            }
            int s = subsetOf[root];
            if (node < pieces) {
                counts.get(s)[0]++;
                if (pieceIds.get(s).size() < SAMPLE) pieceIds.get(s).add(r.pieceId(node));
            } else {
                counts.get(s)[1]++;
                scorerIds.get(s).add(r.scorerId(node - pieces));
            }
        }
        List<Subset> subsets = new ArrayList<>();
        for (int s = 0; s < counts.size(); s++) {
            subsets.add(new Subset(counts.get(s)[0], counts.get(s)[1], List.copyOf(scorerIds.get(s)), List.copyOf(pieceIds.get(s))));
        }
        subsets.sort(Comparator.comparingInt((Subset s) -> -(s.pieces() + s.scorers())));
        return List.copyOf(subsets);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
