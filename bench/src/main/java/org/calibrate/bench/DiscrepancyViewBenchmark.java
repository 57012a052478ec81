package org.calibrate.bench;

import jakarta.json.JsonObject;
import org.calibrate.it.CalibrateServer;
import org.calibrate.it.TestPlatform;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency of the discrepancy view of a large round, over HTTP on loopback. Starts {@code target/calibrate.jar}
 * (embedded H2) with a signing test platform, sets up a round of PIECES pieces double-scored by SCORERS teachers,
 * scores every seat (random levels 0–2, so about a third of the pieces agree), moves the round to moderation, then
 * reads {@code GET /api/rounds/{id}/moderation} (the whole view: every piece grouped and ordered) and one piece's
 * detail REPEATS times each after a warm-up, one request at a time, as a department head does. Prints median,
 * quartiles, min and max.
 *
 * <p>Usage: {@code DiscrepancyViewBenchmark pieces scorers repeats} (defaults 5000, 20, 30). Talks to 127.0.0.1 only.
 */
public final class DiscrepancyViewBenchmark {

    private DiscrepancyViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pieces = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int scorers = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        try (TestPlatform platform = new TestPlatform()) {
            CalibrateServer.Running server = BenchRound.server(platform, "bench-discrepancy-view-server.log");
            try {
                run(new BenchRound(server.url(), platform, 0), pieces, scorers, repeats);
            } finally {
                server.stop();
            }
        }
        System.exit(0);
    }

    private static void run(BenchRound round, int pieces, int scorers, int repeats) throws Exception {
        long t0 = System.nanoTime();
        round.setUp(pieces, scorers);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(scorers, 8));
        AtomicInteger failed = new AtomicInteger();
        List<Future<long[][]>> work = new ArrayList<>();
        for (String token : round.scorerTokens) {
            work.add(pool.submit(() -> round.scoreUntil(token, Long.MAX_VALUE, failed)));
        }
        int scored = 0;
        for (Future<long[][]> f : work) {
            scored += f.get()[1].length;
        }
        pool.shutdown();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " scores failed");
        }
        BenchRound.ok(round.client.postJson("/api/rounds/" + round.id + "/phase", "{\"lock_version\":" + round.lock() + ",\"phase\":\"moderation\"}", round.head));
        System.out.printf("set-up: %d pieces, %d scorers, %d scores, in moderation after %.1f s%n", pieces, scorers, scored, (System.nanoTime() - t0) / 1e9);

        String view = "/api/rounds/" + round.id + "/moderation";
        JsonObject first = BenchRound.json(BenchRound.ok(round.client.get(view, round.head)));
        JsonObject counts = first.getJsonObject("counts");
        System.out.printf("view: %d agreed, %d discrepant, %d KiB%n", counts.getInt("agreed"), counts.getInt("discrepant"),
                BenchRound.ok(round.client.get(view, round.head)).body().length() / 1024);
        String code = first.getJsonArray("discrepant").getJsonObject(0).getString("code");
        String piece = view + "/pieces/" + code;
        for (int i = 0; i < 5; i++) {
            BenchRound.ok(round.client.get(view, round.head));
            BenchRound.ok(round.client.get(piece, round.head));
        }
        report("discrepancy view (whole round)", time(round, view, repeats));
        report("one piece beside its scores", time(round, piece, repeats));
    }

    private static long[] time(BenchRound round, String path, int repeats) throws Exception {
        long[] nanos = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            HttpResponse<String> r = round.client.get(path, round.head);
            BenchRound.ok(r);
            nanos[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf("%s: median %.1f ms (quartiles %.1f–%.1f, min %.1f, max %.1f; n=%d)%n", what, ms(sorted[sorted.length / 2]),
                ms(sorted[sorted.length / 4]), ms(sorted[sorted.length * 3 / 4]), ms(sorted[0]), ms(sorted[sorted.length - 1]), sorted.length);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
