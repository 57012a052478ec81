package org.calibrate.allocation.control;

import org.calibrate.allocation.entity.Allocation;
import org.calibrate.allocation.entity.AllocationPiece;
import org.calibrate.allocation.entity.AllocationScorer;
import org.calibrate.allocation.entity.Design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Allocates pieces to scorers.
 *
 * <p>The common design — two scorers per piece, equal capacities, nothing kept — walks a round-robin
 * schedule of scorer pairs (the circle method): each round pairs every scorer once, and each pair
 * occurs once per cycle, so workloads stay within one piece and every pair of scorers meets equally
 * often (the connected, balanced design that severity estimation needs). A piece that conflicts with
 * the next pair takes the next eligible pair of the schedule instead.
 *
 * <p>Every other seat (other designs, capacities, re-runs around kept work, single-scored pieces) is
 * filled greedily: it goes to the eligible scorer with the lowest workload relative to capacity;
 * among those, to the one who has shared fewest pieces with the piece's other scorers; remaining
 * ties by the seeded random order. Pieces with the fewest eligible scorers are placed first, so
 * conflicts of interest do not strand them at the end. O(pieces × seats × scorers) time at worst,
 * O(scorers²) memory.
 */
public final class Allocator {

    /**
     * @param kept scorers already holding work on a piece (scored or started): they stay, and count
     *             towards the piece's seats; use it to re-run an allocation after a scorer drops out. A kept
     *             id that is not among {@code scorers} (a scorer who left after submitting) still fills a seat.
     */
    public Allocation allocate(List<AllocationPiece> pieces, List<AllocationScorer> scorers, Design design,
                               Map<String, Set<String>> kept) {
        List<AllocationPiece> sortedPieces = new ArrayList<>(pieces);
        sortedPieces.sort(Comparator.comparing(AllocationPiece::code));
        List<AllocationScorer> team = new ArrayList<>(scorers);
        team.sort(Comparator.comparing(AllocationScorer::id));
        Random random = new Random(design.seed());
        int n = team.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (index.put(team.get(i).id(), i) != null) {
                throw new IllegalArgumentException("scorer " + team.get(i).id() + " is listed twice");
            }
        }

        // Which pieces get the full number of seats: a seeded sample of the design's share.
        Collections.shuffle(sortedPieces, random);
        int multi = (int) Math.round(design.multiScoredShare() * sortedPieces.size());
        Map<String, Integer> seats = new HashMap<>();
        for (int i = 0; i < sortedPieces.size(); i++) {
            seats.put(sortedPieces.get(i).code(), i < multi ? design.scorersPerPiece() : 1);
        }

        int[] load = new int[n];
        int[][] pairs = new int[n][n];
        int[] tieBreak = new int[n];
        Map<String, List<String>> byPiece = new LinkedHashMap<>();
        Map<String, String> unallocated = new TreeMap<>();
        int conflictsAvoided = 0;

        // Kept work first: it is fixed, and the rest balances around it.
        Map<String, List<Integer>> chosenByPiece = new HashMap<>();
        Map<String, Integer> external = new HashMap<>();
        for (AllocationPiece piece : sortedPieces) {
            List<Integer> chosen = new ArrayList<>();
            for (String id : kept.getOrDefault(piece.code(), Set.of())) {
                Integer s = index.get(id);
                if (s == null) {
                    external.merge(piece.code(), 1, Integer::sum);
                } else {
                    for (int other : chosen) {
                        pairs[s][other]++;
                        pairs[other][s]++;
                    }
                    chosen.add(s);
                    load[s]++;
                }
            }
            chosenByPiece.put(piece.code(), chosen);
        }

        // Hardest pieces first: fewest eligible scorers; the shuffled order otherwise.
        Map<String, boolean[]> eligible = new HashMap<>();
        for (AllocationPiece piece : sortedPieces) {
            boolean[] ok = new boolean[n];
            for (int s = 0; s < n; s++) {
                ok[s] = !team.get(s).conflictsWith(piece);
                if (!ok[s]) {
                    conflictsAvoided++;
                }
            }
            eligible.put(piece.code(), ok);
        }
        List<AllocationPiece> order = new ArrayList<>(sortedPieces);
        order.sort(Comparator.comparingInt(p -> count(eligible.get(p.code()))));

        boolean schedule = design.scorersPerPiece() == 2 && kept.isEmpty() && n >= 2
                && team.stream().allMatch(t -> t.capacity() == team.get(0).capacity());
        PairSchedule pairSchedule = schedule ? new PairSchedule(n, random) : null;
        for (AllocationPiece piece : order) {
            List<Integer> chosen = chosenByPiece.get(piece.code());
            boolean[] ok = eligible.get(piece.code());
            int wanted = Math.max(seats.get(piece.code()), keptCount(kept, piece));
            if (pairSchedule != null && wanted == 2) {
                int[] pair = pairSchedule.next(ok, load);
                if (pair != null) {
                    chosen.add(pair[0]);
                    chosen.add(pair[1]);
                    load[pair[0]]++;
                    load[pair[1]]++;
                    pairs[pair[0]][pair[1]]++;
                    pairs[pair[1]][pair[0]]++;
                }
            }
            for (int s = 0; s < n; s++) {
                tieBreak[s] = random.nextInt();
            }
            int outside = external.getOrDefault(piece.code(), 0);
            while (chosen.size() + outside < wanted) {
                int best = -1;
                for (int s = 0; s < n; s++) {
                    if (!ok[s] || chosen.contains(s)) {
                        continue;
                    }
                    if (best < 0 || better(s, best, load, team, pairs, chosen, tieBreak)) {
                        best = s;
                    }
                }
                if (best < 0) {
                    unallocated.put(piece.code(), "needs " + wanted + " scorers but only " + (chosen.size() + outside)
                            + " can score it without a conflict of interest");
                    break;
                }
                for (int other : chosen) {
                    pairs[best][other]++;
                    pairs[other][best]++;
                }
                chosen.add(best);
                load[best]++;
            }
        }
        rebalance(order, chosenByPiece, eligible, kept, team, load, pairs);
        for (AllocationPiece piece : order) {
            byPiece.put(piece.code(), chosenByPiece.get(piece.code()).stream().map(s -> team.get(s).id()).sorted().toList());
        }
        return new Allocation(sortedByCode(byPiece), queues(byPiece, team, random), loads(team, load),
                pairCounts(team, pairs), conflictsAvoided, unallocated);
    }

    /**
     * The circle-method round robin over scorer pairs: each round pairs every scorer at most once, each
     * pair occurs once per cycle. Within a round the least-loaded eligible pair goes first (so the
     * scorers who sat out a round catch up at once); a piece with no eligible pair in the current
     * round borrows one from a later round. Cycles repeat as long as pieces remain.
     */
    private static final class PairSchedule {
        private final List<List<int[]>> rounds = new ArrayList<>();
        private final List<int[]> cycle;
        private int current;

        PairSchedule(int n, Random random) {
            List<Integer> perm = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                perm.add(i);
            }
            Collections.shuffle(perm, random);
            int m = n % 2 == 0 ? n : n + 1;
            int[] circle = new int[m];
            for (int i = 0; i < m; i++) {
                circle[i] = i;
            }
            List<int[]> all = new ArrayList<>();
            for (int round = 0; round < m - 1; round++) {
                for (int i = 0; i < m / 2; i++) {
                    int a = circle[i];
                    int b = circle[m - 1 - i];
                    if (a < n && b < n) {
                        all.add(new int[]{perm.get(a), perm.get(b), round});
                    }
                }
                int last = circle[m - 1];
                System.arraycopy(circle, 1, circle, 2, m - 2);
                circle[1] = last;
            }
            this.cycle = all;
            refill();
        }

        private void refill() {
            rounds.clear();
            for (int[] pair : cycle) {
                while (rounds.size() <= pair[2]) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(pair[2]).add(pair);
            }
            current = 0;
        }

        int[] next(boolean[] eligible, int[] load) {
            for (int attempt = 0; attempt < 2; attempt++) {
                while (current < rounds.size() && rounds.get(current).isEmpty()) {
                    current++;
                }
                if (current == rounds.size()) {
                    refill();
                }
                for (int r = current; r < rounds.size(); r++) {
                    List<int[]> round = rounds.get(r);
                    int best = -1;
                    for (int i = 0; i < round.size(); i++) {
                        int[] p = round.get(i);
                        if (eligible[p[0]] && eligible[p[1]] && (best < 0 || lighter(p, round.get(best), load))) {
                            best = i;
                        }
                    }
                    if (best >= 0) {
                        return round.remove(best);
                    }
                }
                // Nothing eligible left in this cycle: start a fresh one and look once more.
                refill();
            }
            return null;
        }

        private static boolean lighter(int[] a, int[] b, int[] load) {
            int ma = Math.max(load[a[0]], load[a[1]]);
            int mb = Math.max(load[b[0]], load[b[1]]);
            return ma != mb ? ma < mb : load[a[0]] + load[a[1]] < load[b[0]] + load[b[1]];
        }
    }

    /**
     * Conflicts of interest can leave some scorers short of work while others carry more. Move seats
     * from a scorer to one carrying at least two pieces fewer (relative to capacity) who may score the
     * piece, until no such move exists. Each move lowers the sum of squared loads, so this ends; kept
     * work never moves.
     */
    private static void rebalance(List<AllocationPiece> pieces, Map<String, List<Integer>> chosenByPiece,
                                  Map<String, boolean[]> eligible, Map<String, Set<String>> kept,
                                  List<AllocationScorer> team, int[] load, int[][] pairs) {
        int n = team.size();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (AllocationPiece piece : pieces) {
                List<Integer> chosen = chosenByPiece.get(piece.code());
                boolean[] ok = eligible.get(piece.code());
                Set<String> fixed = kept.getOrDefault(piece.code(), Set.of());
                for (int seat = 0; seat < chosen.size(); seat++) {
                    int from = chosen.get(seat);
                    if (fixed.contains(team.get(from).id())) {
                        continue;
                    }
                    int to = -1;
                    for (int s = 0; s < n; s++) {
                        if (ok[s] && !chosen.contains(s) && heavierByTwo(from, s, load, team)
                                && (to < 0 || (long) load[s] * team.get(to).capacity() < (long) load[to] * team.get(s).capacity())) {
                            to = s;
                        }
                    }
                    if (to >= 0) {
                        for (int other : chosen) {
                            if (other != from) {
                                pairs[from][other]--;
                                pairs[other][from]--;
                                pairs[to][other]++;
                                pairs[other][to]++;
                            }
                        }
                        chosen.set(seat, to);
                        load[from]--;
                        load[to]++;
                        moved = true;
                    }
                }
            }
        }
    }

    /** {@code a} carries at least two pieces more than {@code b}, both measured in units of their own capacity. */
    private static boolean heavierByTwo(int a, int b, int[] load, List<AllocationScorer> team) {
        // load[a]/cap[a] >= (load[b] + 2)/cap[b]  ⇔  load[a]·cap[b] >= (load[b] + 2)·cap[a]
        return (long) load[a] * team.get(b).capacity() >= (long) (load[b] + 2) * team.get(a).capacity();
    }

    private static int keptCount(Map<String, Set<String>> kept, AllocationPiece piece) {
        return kept.getOrDefault(piece.code(), Set.of()).size();
    }

    /** Lower load relative to capacity first; then fewer shared pieces with the seats already taken; then the seeded order. */
    private static boolean better(int a, int b, int[] load, List<AllocationScorer> team, int[][] pairs,
                                  List<Integer> chosen, int[] tieBreak) {
        long la = (long) (load[a] + 1) * team.get(b).capacity();
        long lb = (long) (load[b] + 1) * team.get(a).capacity();
        if (la != lb) {
            return la < lb;
        }
        int pa = 0;
        int pb = 0;
        for (int c : chosen) {
            pa += pairs[a][c];
            pb += pairs[b][c];
        }
        if (pa != pb) {
            return pa < pb;
        }
        return tieBreak[a] < tieBreak[b];
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            if (f) {
                c++;
            }
        }
        return c;
    }

    private static Map<String, List<String>> sortedByCode(Map<String, List<String>> byPiece) {
        return Collections.unmodifiableMap(new TreeMap<>(byPiece));
    }

    /** Each scorer's queue in a random order of its own, so no two scorers meet the pieces in the same sequence. */
    private static Map<String, List<String>> queues(Map<String, List<String>> byPiece, List<AllocationScorer> team, Random random) {
        Map<String, List<String>> queues = new TreeMap<>();
        team.forEach(s -> queues.put(s.id(), new ArrayList<>()));
        new TreeMap<>(byPiece).forEach((piece, scorers) -> scorers.forEach(s -> queues.computeIfAbsent(s, k -> new ArrayList<>()).add(piece)));
        queues.values().forEach(q -> Collections.shuffle(q, random));
        return Collections.unmodifiableMap(queues);
    }

    private static Map<String, Integer> loads(List<AllocationScorer> team, int[] load) {
        Map<String, Integer> result = new TreeMap<>();
        for (int i = 0; i < team.size(); i++) {
            result.put(team.get(i).id(), load[i]);
        }
        return result;
    }

    private static Map<String, Map<String, Integer>> pairCounts(List<AllocationScorer> team, int[][] pairs) {
        Map<String, Map<String, Integer>> result = new TreeMap<>();
        for (int i = 0; i < team.size(); i++) {
            Map<String, Integer> row = new TreeMap<>();
            for (int j = 0; j < team.size(); j++) {
                if (i != j) {
                    row.put(team.get(j).id(), pairs[i][j]);
                }
            }
            result.put(team.get(i).id(), row);
        }
        return result;
    }

}
