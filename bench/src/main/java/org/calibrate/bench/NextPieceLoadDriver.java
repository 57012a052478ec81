package org.calibrate.bench;

import jakarta.json.JsonObject;
import org.calibrate.it.CalibrateServer;
import org.calibrate.it.TestPlatform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "Next piece" under concurrent scorers, over HTTP on loopback. Starts {@code target/calibrate.jar}
 * (embedded H2, JVM defaults) with a signing test platform, sets up one round through the API (a
 * department head, PIECES pasted pieces, SCORERS teachers who join with the round code, allocation,
 * scoring), then every scorer works their queue in their own thread for SECONDS: ask for the next piece
 * ({@code GET queue/next} + {@code GET pieces/{code}/work}, the wait a scorer feels between two pieces),
 * submit a score ({@code PUT .../score}). Prints p50/p99 of both steps, scores per second and failures,
 * then checks that the round holds exactly the scores acknowledged (lost = 0, duplicated = 0).
 *
 * <p>Usage: {@code NextPieceLoadDriver scorers seconds pieces thinkMillis} (defaults 50, 60, 5000, 0): with a think
 * time each scorer pauses that long after every submit, as a person reading the next piece does. Bounded by the
 * duration and by the pieces allocated; talks to 127.0.0.1 only.
 */
public final class NextPieceLoadDriver {

    private NextPieceLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int scorers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int pieces = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        long thinkMillis = args.length > 3 ? Long.parseLong(args[3]) : 0;
        try (TestPlatform platform = new TestPlatform()) {
            CalibrateServer.Running server = BenchRound.server(platform, "bench-next-piece-server.log");
            try {
                run(new BenchRound(server.url(), platform, thinkMillis), scorers, seconds, pieces);
            } finally {
                server.stop();
            }
        }
        // The HTTP client's and the test platform's threads would keep the JVM alive.
        System.exit(0);
    }

    private static void run(BenchRound round, int scorers, int seconds, int pieces) throws Exception {
        long t0 = System.nanoTime();
        round.setUp(pieces, scorers);
        System.out.printf("set-up: %d pieces, %d scorers, allocated and in scoring in %.1f s%n", pieces, scorers, (System.nanoTime() - t0) / 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(scorers);
        // Warm-up, not measured: a few pieces per scorer, so the JIT has seen every step.
        AtomicInteger warmUpFailures = new AtomicInteger();
        List<Future<long[][]>> warmUp = new ArrayList<>();
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(Math.max(5, seconds / 4)).toNanos();
        for (String token : round.scorerTokens) {
            warmUp.add(pool.submit(() -> round.scoreUntil(token, warmUpEnd, warmUpFailures)));
        }
        int warmed = 0;
        for (Future<long[][]> f : warmUp) {
            warmed += f.get()[1].length;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger failed = new AtomicInteger();
        List<Future<long[][]>> results = new ArrayList<>();
        long begin = System.nanoTime();
        for (String token : round.scorerTokens) {
            results.add(pool.submit(() -> round.scoreUntil(token, deadline, failed)));
        }
        List<Long> next = new ArrayList<>();
        List<Long> submit = new ArrayList<>();
        for (Future<long[][]> f : results) {
            long[][] r = f.get();
            for (long v : r[0]) {
                next.add(v);
            }
            for (long v : r[1]) {
                submit.add(v);
            }
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        JsonObject progress = round.progress();
        int stored = progress.getInt("submitted") - warmed;
        System.out.printf("think=%dms ", round.thinkMillis);
        System.out.printf("scorers=%d elapsed=%.1fs scores=%d (%.1f/s) failed=%d%n", scorers, elapsed, submit.size(), submit.size() / elapsed, failed.get());
        System.out.printf("next piece: p50=%.1fms p99=%.1fms   submit: p50=%.1fms p99=%.1fms%n",
                percentile(next, 50), percentile(next, 99), percentile(submit, 50), percentile(submit, 99));
        int lost = Math.max(0, submit.size() - stored);
        int duplicated = Math.max(0, stored - submit.size());
        System.out.printf("acknowledged=%d stored=%d lost=%d duplicated=%d%n", submit.size(), stored, lost, duplicated);
        if (failed.get() > 0 || warmUpFailures.get() > 0 || lost > 0 || duplicated > 0) {
            System.exit(1);
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
