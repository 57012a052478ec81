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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** One round on a benchmark server, driven through the API as the app drives it. */
final class BenchRound {
    final TestPlatform platform;
    final LtiClient client;
    final String url;
    final long thinkMillis;
    String head;
    String id;
    final List<String> scorerTokens = new ArrayList<>();

    /** Starts target/calibrate.jar on embedded H2 (demo off, 2 GB heap) with the signing test platform registered. */
    static CalibrateServer.Running server(TestPlatform platform, String logName) throws Exception {
        return server(platform, logName, Map.of());
    }

    /** The same with further settings. */
    static CalibrateServer.Running server(TestPlatform platform, String logName, Map<String, String> more) throws Exception {
        Path work = Files.createTempDirectory("calibrate-bench");
        Path config = Files.createDirectories(work.resolve("lti-config/platforms"));
        for (Map.Entry<String, String> f : platform.platformFiles().entrySet()) {
            if (f.getKey().equals("test-platform.json")) {
                Files.writeString(config.resolve(f.getKey()), f.getValue());
            }
        }
        Map<String, String> settings = new LinkedHashMap<>(Map.of("CALIBRATE_DEMO", "false", "CALIBRATE_LTI_RATE_LIMIT", "1000000/1000000"));
        settings.putAll(more);
        return CalibrateServer.startSeparate(platform, work, settings, logName, List.of("-Xmx2g"));
    }

    BenchRound(String url, TestPlatform platform, long thinkMillis) {
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
        ok(client.postJson("/api/rounds/" + id + "/release", "{\"lock_version\":" + lock() + "}", head));
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

    long lock() throws Exception {
        return json(ok(client.get("/api/rounds/" + id, head))).getJsonNumber("lock_version").longValue();
    }

    String session(String userId, String name) throws Exception {
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

    static HttpResponse<String> ok(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
