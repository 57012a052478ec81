package org.calibrate.bench;

import jakarta.json.JsonObject;
import org.calibrate.it.CalibrateServer;
import org.calibrate.it.TestPlatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault under scoring, over HTTP on loopback, with every acknowledged score checked afterwards. Starts
 * {@code target/calibrate.jar}, sets up a round (PIECES pieces, SCORERS teachers), lets every scorer submit as fast as
 * the server answers, and after SECONDS injects the fault:
 * <ul>
 *   <li>{@code kill}: the server process is killed ({@code kill -9}) in the middle of the submits, then started again
 *       on the same database (embedded H2 file);</li>
 *   <li>{@code db-restart}: the server runs on the local PostgreSQL ({@code CALIBRATE_IT_PG_*}, the tests' database,
 *       schema {@code fault_bench}), which is restarted ({@code pg_ctlcluster 15 main restart}) under the load; the
 *       scorers carry on once it is back.</li>
 * </ul>
 * Then every scorer reads their queue: each score the server acknowledged (HTTP 200) must be there, submitted
 * (lost = 0); a score is stored once per seat (duplicated = 0). Prints the figures; exits 1 on any loss.
 *
 * <p>Usage: {@code ScoringFaultDriver kill|db-restart scorers seconds pieces} (defaults kill 20 20 2000). Bounded by the
 * duration; talks to 127.0.0.1 only.
 */
public final class ScoringFaultDriver {
    private ScoringFaultDriver() {
    }

    public static void main(String[] args) throws Exception {
        String fault = args.length > 0 ? args[0] : "kill";
        int scorers = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int pieces = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        if (!fault.equals("kill") && !fault.equals("db-restart")) {
            throw new IllegalArgumentException("fault is kill or db-restart");
        }
        int exit;
        try (TestPlatform platform = new TestPlatform()) {
            exit = run(platform, fault, scorers, seconds, pieces);
        }
        System.exit(exit);
    }

    private static int run(TestPlatform platform, String fault, int scorers, int seconds, int pieces) throws Exception {
        Path work = Files.createTempDirectory("calibrate-fault");
        Map<String, String> settings = new java.util.HashMap<>(Map.of("CALIBRATE_DEMO", "false", "CALIBRATE_LTI_RATE_LIMIT", "1000000/1000000",
                "PORT", Integer.toString(freePort())));
        if (fault.equals("db-restart")) {
            String url = System.getenv().getOrDefault("CALIBRATE_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/calibrate_it");
            try (var c = java.sql.DriverManager.getConnection(url, user(), password()); var st = c.createStatement()) {
                st.execute("drop schema if exists fault_bench cascade");
                st.execute("create schema fault_bench");
            }
            settings.putAll(Map.of("CALIBRATE_DB_URL", url + "?currentSchema=fault_bench", "CALIBRATE_DB_USER", user(), "CALIBRATE_DB_PASSWORD", password(),
                    // Test fixture key, never used outside the benchmarks.
                    "CALIBRATE_DATA_KEY", "dGVzdC1maXh0dXJlLWtleS1wb3N0Z3Jlcy0zMi1ieXQ="));
        }
        CalibrateServer.Running server = start(platform, work, settings);
        BenchRound round = new BenchRound(server.url(), platform, 0);
        round.setUp(pieces, scorers);
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(scorers);
        for (String token : round.scorerTokens) {
            Set<String> mine = ConcurrentHashMap.newKeySet();
            acknowledged.put(token, mine);
            pool.submit(() -> score(round, token, mine, stop, errors));
        }
        Thread.sleep(seconds * 1000L);
        int before = acknowledged.values().stream().mapToInt(Set::size).sum();
        long t0 = System.nanoTime();
        if (fault.equals("kill")) {
            server.process().destroyForcibly().waitFor();
            System.out.printf("killed the server (kill -9) after %d acknowledged scores%n", before);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            server = start(platform, work, settings);
            System.out.printf("started again in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        } else {
            Process restart = new ProcessBuilder("pg_ctlcluster", "15", "main", "restart").inheritIO().start();
            if (!restart.waitFor(120, TimeUnit.SECONDS) || restart.exitValue() != 0) {
                throw new IllegalStateException("pg_ctlcluster restart failed");
            }
            System.out.printf("PostgreSQL restarted under load after %d acknowledged scores, in %.1f s%n", before, (System.nanoTime() - t0) / 1e9);
            // The scorers carry on against the same server for as long again: it must recover on its own.
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            int after = acknowledged.values().stream().mapToInt(Set::size).sum() - before;
            System.out.printf("acknowledged after the restart: %d%n", after);
            if (after == 0) {
                System.out.println("the server did not recover from the database restart");
                server.stop();
                return 1;
            }
        }
        try {
            return verify(new BenchRound(server.url(), platform, 0), round, acknowledged, errors.get());
        } finally {
            server.stop();
        }
    }

    /** A scorer submitting their queue; a refused or unanswered submit is not acknowledged, and they go on. */
    private static void score(BenchRound round, String token, Set<String> acknowledged, AtomicBoolean stop, AtomicInteger errors) {
        Random random = new Random(token.hashCode());
        String base = "/api/rounds/" + round.id;
        while (!stop.get()) {
            try {
                var next = round.client.get(base + "/queue/next", token);
                if (next.statusCode() == 204) {
                    return;
                }
                if (next.statusCode() != 200) {
                    errors.incrementAndGet();
                    Thread.sleep(200);
                    continue;
                }
                String code = BenchRound.json(next).getString("code");
                var saved = round.client.send("PUT", base + "/pieces/" + code + "/score", "{\"levels\":{\"response\":" + random.nextInt(3)
                        + "},\"submit\":true}", token);
                if (saved.statusCode() == 200) {
                    acknowledged.add(code);
                } else {
                    errors.incrementAndGet();
                }
            } catch (IOException e) {
                errors.incrementAndGet();
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int verify(BenchRound after, BenchRound round, Map<String, Set<String>> acknowledged, int errors) throws Exception {
        int lost = 0;
        int acked = 0;
        int stored = 0;
        for (Map.Entry<String, Set<String>> e : acknowledged.entrySet()) {
            JsonObject queue = BenchRound.json(BenchRound.ok(after.client.get("/api/rounds/" + round.id + "/queue", e.getKey())));
            Set<String> submitted = new HashSet<>();
            List<String> all = new ArrayList<>();
            for (JsonObject item : queue.getJsonArray("items").getValuesAs(JsonObject.class)) {
                all.add(item.getString("code"));
                if (item.getString("state").equals("submitted")) {
                    submitted.add(item.getString("code"));
                }
            }
            acked += e.getValue().size();
            stored += submitted.size();
            for (String code : e.getValue()) {
                if (!submitted.contains(code)) {
                    lost++;
                }
            }
            if (new HashSet<>(all).size() != all.size()) {
                throw new IllegalStateException("a scorer's queue holds a piece twice");
            }
        }
        int duplicated = Math.max(0, (int) (BenchRound.json(BenchRound.ok(after.client.get("/api/rounds/" + round.id + "/progress", round.head)))
                .getInt("submitted")) - stored);
        System.out.printf("acknowledged=%d stored=%d (unacknowledged but stored: %d) lost=%d duplicated=%d refused-or-unanswered=%d%n",
                acked, stored, stored - acked + lost, lost, duplicated, errors);
        return lost == 0 && duplicated == 0 ? 0 : 1;
    }

    private static CalibrateServer.Running start(TestPlatform platform, Path work, Map<String, String> settings) throws Exception {
        Path config = Files.createDirectories(work.resolve("lti-config/platforms"));
        for (Map.Entry<String, String> f : platform.platformFiles().entrySet()) {
            if (f.getKey().equals("test-platform.json")) {
                Files.writeString(config.resolve(f.getKey()), f.getValue());
            }
        }
        return CalibrateServer.startSeparate(platform, work, settings, "bench-fault-server.log", List.of("-Xmx1g"));
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String user() {
        return System.getenv().getOrDefault("CALIBRATE_IT_PG_USER", "calibrate_it");
    }

    private static String password() {
        return System.getenv().getOrDefault("CALIBRATE_IT_PG_PASSWORD", "calibrate_it");
    }
}
