package org.calibrate.allocation.control;

import org.calibrate.allocation.entity.Allocation;
import org.calibrate.allocation.entity.AllocationPiece;
import org.calibrate.allocation.entity.AllocationScorer;
import org.calibrate.allocation.entity.Design;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the allocator on many random rounds (each repetition its own reproducible instance). */
class AllocatorTest {
    private final Allocator allocator = new Allocator();

    /** A random round: pieces from a few classes, scorers teaching some of them. */
    private record Round(List<AllocationPiece> pieces, List<AllocationScorer> scorers) {
        static Round random(long seed, int maxPieces, int maxScorers, boolean conflicts) {
            Random r = new Random(seed);
            int classes = 2 + r.nextInt(5);
            int scorerCount = 3 + r.nextInt(maxScorers - 2);
            List<AllocationScorer> scorers = new ArrayList<>();
            int[] teachers = new int[classes];
            for (int i = 0; i < scorerCount; i++) {
                Set<String> teaches = new HashSet<>();
                // Each scorer teaches at most one class, and at most a third of scorers teach each class.
                int c = r.nextInt(classes);
                if (conflicts && r.nextInt(3) == 0 && teachers[c] + 1 <= scorerCount / 3) {
                    teachers[c]++;
                    teaches.add("class-" + c);
                }
                scorers.add(new AllocationScorer("s" + i, 1, teaches));
            }
            int pieceCount = 1 + r.nextInt(maxPieces);
            List<AllocationPiece> pieces = new ArrayList<>();
            for (int i = 0; i < pieceCount; i++) {
                pieces.add(new AllocationPiece("P" + i, Set.of("class-" + r.nextInt(classes))));
            }
            return new Round(pieces, scorers);
        }
    }

    private static void assertValid(Round round, Design design, Allocation a) {
        for (AllocationPiece piece : round.pieces()) {
            List<String> scorers = a.scorersByPiece().get(piece.code());
            assertEquals(new HashSet<>(scorers).size(), scorers.size(), "distinct scorers on " + piece.code());
            for (String s : scorers) {
                AllocationScorer scorer = round.scorers().stream().filter(x -> x.id().equals(s)).findFirst().orElseThrow();
                assertFalse(scorer.conflictsWith(piece), s + " teaches the class of " + piece.code());
            }
            if (!a.unallocated().containsKey(piece.code())) {
                assertTrue(scorers.size() == design.scorersPerPiece() || scorers.size() == 1, piece.code() + " has " + scorers);
            }
        }
        int total = a.scorersByPiece().values().stream().mapToInt(List::size).sum();
        assertEquals(total, a.load().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(total, a.queues().values().stream().mapToInt(List::size).sum(), "every seat is in a queue");
    }

    @RepeatedTest(200)
    @DisplayName("without conflicts: every piece gets two distinct scorers, loads within ±1, pairs within ±1")
    void balancedWithoutConflicts(RepetitionInfo rep) {
        Round round = Round.random(rep.getCurrentRepetition(), 400, 25, false);
        Design design = Design.doubleScored(rep.getCurrentRepetition());
        Allocation a = allocator.allocate(round.pieces(), round.scorers(), design, Map.of());
        assertValid(round, design, a);
        assertTrue(a.unallocated().isEmpty());
        IntSummaryStatistics loads = a.load().values().stream().mapToInt(Integer::intValue).summaryStatistics();
        assertTrue(loads.getMax() - loads.getMin() <= 1, "loads " + a.load());
        IntSummaryStatistics pairs = a.pairCounts().values().stream().flatMap(m -> m.values().stream())
                .mapToInt(Integer::intValue).summaryStatistics();
        assertTrue(pairs.getMax() - pairs.getMin() <= 2, "pair counts spread " + pairs);
    }

    @RepeatedTest(200)
    @DisplayName("with conflicts of interest: nobody scores their own class; loads stay within ±1 when the design allows it")
    void conflictsAreAvoided(RepetitionInfo rep) {
        Round round = Round.random(1000 + rep.getCurrentRepetition(), 300, 20, true);
        Design design = Design.doubleScored(rep.getCurrentRepetition());
        Allocation a = allocator.allocate(round.pieces(), round.scorers(), design, Map.of());
        assertValid(round, design, a);
        assertTrue(a.unallocated().isEmpty(), "at most a third teach each class, so every piece has eligible scorers");
        // As balanced as the conflicts allow: no scorer carries two more pieces than another who could take one of them.
        for (AllocationScorer heavy : round.scorers()) {
            for (AllocationScorer light : round.scorers()) {
                if (a.load().get(heavy.id()) < a.load().get(light.id()) + 2) {
                    continue;
                }
                for (AllocationPiece piece : round.pieces()) {
                    List<String> on = a.scorersByPiece().get(piece.code());
                    assertFalse(on.contains(heavy.id()) && !on.contains(light.id()) && !light.conflictsWith(piece),
                            light.id() + " could take " + piece.code() + " from " + heavy.id() + ": " + a.load());
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameAllocationWhateverTheInputOrder() {
        Round round = Round.random(7, 200, 12, true);
        Allocation a = allocator.allocate(round.pieces(), round.scorers(), Design.doubleScored(42), Map.of());
        List<AllocationPiece> shuffled = new ArrayList<>(round.pieces());
        Collections.shuffle(shuffled, new Random(3));
        List<AllocationScorer> scorers = new ArrayList<>(round.scorers());
        Collections.reverse(scorers);
        Allocation b = allocator.allocate(shuffled, scorers, Design.doubleScored(42), Map.of());
        assertEquals(a, b);
        assertNotEquals(a.scorersByPiece(), allocator.allocate(round.pieces(), round.scorers(), Design.doubleScored(43), Map.of()).scorersByPiece());
    }

    @RepeatedTest(50)
    @DisplayName("a scorer drops out: work already scored stays exactly where it was (theirs included), the rest is re-balanced")
    void reallocationKeepsScoredWork(RepetitionInfo rep) {
        Round round = Round.random(5000 + rep.getCurrentRepetition(), 200, 15, false);
        Design design = Design.doubleScored(rep.getCurrentRepetition());
        Allocation first = allocator.allocate(round.pieces(), round.scorers(), design, Map.of());
        // Half of each scorer's queue has been scored.
        Map<String, Set<String>> scored = new HashMap<>();
        first.queues().forEach((scorer, queue) -> queue.subList(0, queue.size() / 2)
                .forEach(piece -> scored.computeIfAbsent(piece, k -> new HashSet<>()).add(scorer)));
        String dropped = round.scorers().get(0).id();
        List<AllocationScorer> remaining = round.scorers().subList(1, round.scorers().size());
        Allocation second = allocator.allocate(round.pieces(), remaining, design, scored);
        scored.forEach((piece, scorers) -> scorers.forEach(s -> {
            if (!s.equals(dropped)) {
                assertTrue(second.scorersByPiece().get(piece).contains(s), "scored work of " + s + " on " + piece + " kept");
            }
        }));
        second.scorersByPiece().forEach((piece, scorers) -> {
            boolean leftBehind = scored.getOrDefault(piece, Set.of()).contains(dropped);
            assertEquals(leftBehind ? 1 : 2, scorers.size(), "the dropped scorer's finished score still fills one of the two seats");
            assertFalse(scorers.contains(dropped) && !scored.getOrDefault(piece, Set.of()).contains(dropped),
                    "the dropped scorer gets no new work");
        });
    }

    @Test
    @DisplayName("a 50 % multi-scored share, as in the Chicago study: half the pieces get two scorers, the rest one")
    void partialDoubleScoring() {
        Round round = Round.random(11, 1, 10, false);
        List<AllocationPiece> pieces = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pieces.add(new AllocationPiece("P" + i, Set.of()));
        }
        Allocation a = allocator.allocate(pieces, round.scorers(), new Design(2, 0.5, 1), Map.of());
        long doubled = a.scorersByPiece().values().stream().filter(s -> s.size() == 2).count();
        assertEquals(50, doubled);
        assertEquals(150, a.load().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    @DisplayName("all score all: a small set with as many seats as scorers")
    void allScoreAll() {
        List<AllocationScorer> scorers = List.of(AllocationScorer.of("a"), AllocationScorer.of("b"), AllocationScorer.of("c"));
        List<AllocationPiece> pieces = List.of(new AllocationPiece("P1", Set.of()), new AllocationPiece("P2", Set.of()));
        Allocation a = allocator.allocate(pieces, scorers, new Design(3, 1, 9), Map.of());
        a.scorersByPiece().values().forEach(s -> assertEquals(List.of("a", "b", "c"), s));
    }

    @Test
    void capacityWeightsTheWorkload() {
        List<AllocationScorer> scorers = List.of(new AllocationScorer("full", 2, Set.of()), new AllocationScorer("half-a", 1, Set.of()),
                new AllocationScorer("half-b", 1, Set.of()));
        List<AllocationPiece> pieces = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pieces.add(new AllocationPiece("P" + i, Set.of()));
        }
        Allocation a = allocator.allocate(pieces, scorers, new Design(1, 1, 5), Map.of());
        assertEquals(20, a.load().get("full"), a.load()::toString);
        assertEquals(10, a.load().get("half-a"));
    }

    @Test
    @DisplayName("a piece nobody may score is reported with its reason, not dropped")
    void impossiblePiecesAreReported() {
        List<AllocationScorer> scorers = List.of(AllocationScorer.of("a", "7B"), AllocationScorer.of("b", "7B"), AllocationScorer.of("c"));
        Allocation a = allocator.allocate(List.of(new AllocationPiece("P1", Set.of("7B"))), scorers, Design.doubleScored(1), Map.of());
        assertEquals(List.of("c"), a.scorersByPiece().get("P1"));
        assertTrue(a.unallocated().get("P1").contains("conflict of interest"));
        assertEquals(2, a.conflictsAvoided());
    }

    @Test
    void queuesAreInDifferentOrders() {
        List<AllocationScorer> scorers = List.of(AllocationScorer.of("a"), AllocationScorer.of("b"));
        List<AllocationPiece> pieces = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pieces.add(new AllocationPiece(String.format("P%02d", i), Set.of()));
        }
        Allocation a = allocator.allocate(pieces, scorers, Design.doubleScored(2), Map.of());
        assertEquals(new HashSet<>(a.queues().get("a")), new HashSet<>(a.queues().get("b")));
        assertNotEquals(a.queues().get("a"), a.queues().get("b"), "each scorer meets the pieces in an order of their own");
    }
}
