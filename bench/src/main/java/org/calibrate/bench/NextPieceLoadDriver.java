package org.calibrate.bench;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.calibrate.it.CalibrateServer;
import org.calibrate.it.LtiClient;
import org.calibrate.it.TestPlatform;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
        Path work = Files.createTempDirectory("calibrate-bench");
        try (TestPlatform platform = new TestPlatform()) {
            Path config = Files.createDirectories(work.resolve("lti-config/platforms"));
            for (Map.Entry<String, String> f : platform.platformFiles().entrySet()) {
                if (f.getKey().equals("test-platform.json")) {
                    Files.writeString(config.resolve(f.getKey()), f.getValue());
                }
            }
            CalibrateServer.Running server = CalibrateServer.startSeparate(platform, work, Map.of("CALIBRATE_DEMO", "false"),
                    "bench-next-piece-server.log", List.of("-Xmx2g"));
            try {
                run(new Round(server.url(), platform, thinkMillis), scorers, seconds, pieces);
            } finally {
                server.stop();
            }
        }
        // The HTTP client's and the test platform's threads would keep the JVM alive.
        System.exit(0);
    }

    private static void run(Round round, int scorers, int seconds, int pieces) throws Exception {
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

    /** One round on the server, driven through the API as the app drives it. */
    private static final class Round {
        private final TestPlatform platform;
        private final LtiClient client;
        private final String url;
        private final long thinkMillis;
        private String head;
        private String id;
        private final List<String> scorerTokens = new ArrayList<>();

        Round(String url, TestPlatform platform, long thinkMillis) {
            this.url = url;
            this.thinkMillis = thinkMillis;
            this.platform = platform;
            this.client = new LtiClient(url);
        }

        void setUp(int pieces, int scorers) throws Exception {
            head = session("head-1", "Dana Whitfield");
            String rubric = json(ok(client.get("/api/rubrics", head))).getJsonArray("rubrics").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("family").equals("ny-short-response-2-point")).findFirst().orElseThrow().getString("id");
            JsonObject created = json(ok(client.postJson("/api/rounds", "{\"title\":\"Load round\",\"rubric_id\":\"" + rubric + "\"}", head)));
            id = created.getString("id");
            String code = created.getString("join_code");
            Random random = new Random(7);
            for (int start = 0; start < pieces; start += 500) {
                String batch = IntStream.range(start, Math.min(pieces, start + 500))
                        .mapToObj(i -> "{\"text\":\"Piece " + i + ": both texts show courage when " + random.nextInt(1000)
                                + " people speak up.\",\"origin\":\"Period " + (i % 6) + "\"}")
                        .collect(Collectors.joining(",", "{\"pieces\":[", "]}"));
                ok(client.postJson("/api/rounds/" + id + "/pieces", batch, head));
            }
            for (int s = 0; s < scorers; s++) {
                String token = session("teacher-" + s, "Teacher " + s);
                ok(client.postJson("/api/rounds/join", "{\"code\":\"" + code + "\"}", token));
                scorerTokens.add(token);
            }
            ok(client.postJson("/api/rounds/" + id + "/allocation", "{\"lock_version\":" + lock() + "}", head));
            ok(client.postJson("/api/rounds/" + id + "/phase", "{\"lock_version\":" + lock() + ",\"phase\":\"scoring\"}", head));
        }

        /** One scorer's loop; returns the next-piece and submit latencies in nanoseconds. */
        long[][] scoreUntil(String token, long deadline, AtomicInteger failed) {
            List<Long> next = new ArrayList<>();
            List<Long> submit = new ArrayList<>();
            Random random = new Random(token.hashCode());
            String base = "/api/rounds/" + id;
            while (System.nanoTime() < deadline) {
                try {
                    long s = System.nanoTime();
                    HttpResponse<String> n = client.get(base + "/queue/next", token);
                    if (n.statusCode() == 204) {
                        break;
                    }
                    String code = json(ok(n)).getString("code");
                    ok(client.get(base + "/pieces/" + code + "/work", token));
                    long m = System.nanoTime();
                    ok(client.send("PUT", base + "/pieces/" + code + "/score",
                            "{\"levels\":{\"response\":" + random.nextInt(3) + "},\"submit\":true}", token));
                    long e = System.nanoTime();
                    next.add(m - s);
                    submit.add(e - m);
                    if (thinkMillis > 0) {
                        // Reading and judging the piece: the pause a real scorer takes between two requests.
                        Thread.sleep(thinkMillis);
                    }
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.err.println("scorer step failed: " + e.getMessage());
                    }
                }
            }
            return new long[][] {next.stream().mapToLong(Long::longValue).toArray(), submit.stream().mapToLong(Long::longValue).toArray()};
        }

        JsonObject progress() throws Exception {
            return json(ok(client.get("/api/rounds/" + id + "/progress", head)));
        }

        private long lock() throws Exception {
            return json(ok(client.get("/api/rounds/" + id, head))).getJsonNumber("lock_version").longValue();
        }

        private String session(String userId, String name) throws Exception {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("iss", platform.issuer());
            params.put("login_hint", userId);
            params.put("target_link_uri", url + "/lti/launch");
            params.put("client_id", TestPlatform.CLIENT_ID);
            params.put("lti_deployment_id", TestPlatform.DEPLOYMENT_ID);
            LtiClient.Login login = client.login(params);
            JWTClaimsSet claims = new JWTClaimsSet.Builder(platform.launchClaims(login.nonce(), url,
                    "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor").build()).subject(userId).claim("name", name).build();
            return client.session(client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie()));
        }

        private static HttpResponse<String> ok(HttpResponse<String> r) {
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
            }
            return r;
        }

        private static JsonObject json(HttpResponse<String> r) {
            return Json.createReader(new StringReader(r.body())).readObject();
        }
    }
}
