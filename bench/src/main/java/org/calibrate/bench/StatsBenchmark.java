package org.calibrate.bench;

import org.calibrate.stats.ManyFacetRasch;
import org.calibrate.stats.RaschResult;
import org.calibrate.stats.Ratings;
import org.calibrate.stats.RoundStatistics;
import org.calibrate.stats.Simulation;
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

import java.util.concurrent.TimeUnit;

/**
 * A round's reliability report at district size: double-scored pieces on four criteria, levels 1..5,
 * simulated from the rating scale model (the unit tests' simulation, seeded). Times the Rasch fit and
 * the agreement figures (with their bootstrap intervals) separately, single shots in a fresh JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class StatsBenchmark {
    @Param({"10000", "100000"})
    public int pieces;

    private Ratings ratings;

    @Setup
    public void setUp() {
        ratings = new Simulation(pieces, pieces / 200, 4, 1).ratings;
    }

    @Benchmark
    public RaschResult rasch() {
        return ManyFacetRasch.fit(ratings, ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM));
    }

    @Benchmark
    public RoundStatistics.Report agreement() {
        return RoundStatistics.compute(ratings, null);
    }
}
