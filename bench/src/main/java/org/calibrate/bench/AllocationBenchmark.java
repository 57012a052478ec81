package org.calibrate.bench;

import org.calibrate.allocation.control.Allocator;
import org.calibrate.allocation.entity.Allocation;
import org.calibrate.allocation.entity.AllocationPiece;
import org.calibrate.allocation.entity.AllocationScorer;
import org.calibrate.allocation.entity.Design;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A district-sized round: pieces from 200 classes, half the scorers teaching one of them (so their
 * own students' work must be avoided), two blind scorers per piece.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class AllocationBenchmark {
    @Param({"100000"})
    public int pieces;
    @Param({"500"})
    public int scorers;

    private List<AllocationPiece> pieceList;
    private List<AllocationScorer> scorerList;

    @Setup
    public void setUp() {
        Random r = new Random(1);
        int classes = 200;
        pieceList = new ArrayList<>(pieces);
        for (int i = 0; i < pieces; i++) {
            pieceList.add(new AllocationPiece("P" + i, Set.of("class-" + r.nextInt(classes))));
        }
        scorerList = new ArrayList<>(scorers);
        for (int i = 0; i < scorers; i++) {
            scorerList.add(new AllocationScorer("s" + i, 1, r.nextBoolean() ? Set.of("class-" + r.nextInt(classes)) : Set.of()));
        }
    }

    @Benchmark
    public Allocation allocate() {
        return new Allocator().allocate(pieceList, scorerList, Design.doubleScored(7), Map.of());
    }
}
