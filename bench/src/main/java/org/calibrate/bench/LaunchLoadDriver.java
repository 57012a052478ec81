package org.calibrate.bench;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Full HTTP launches against a running Calibrate on loopback, through the demo LMS: the LMS's
 * login initiation, {@code /lti/login}, the demo's OIDC auth endpoint (which signs the id_token),
 * {@code /lti/launch} and the code exchange. Bounded by a duration and a launch count; refuses any
 * target that is not a loopback address.
 *
 * <p>Usage: {@code LaunchLoadDriver http://127.0.0.1:PORT threads seconds maxLaunches}
 */
public final class LaunchLoadDriver {

    private LaunchLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int maxLaunches = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        String host = URI.create(base).getHost();
        if (!(host.equals("127.0.0.1") || host.equals("localhost"))) {
            throw new IllegalArgumentException("load tests target loopback only, not " + host);
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(threads)).build();
        // Warm-up, not measured.
        for (int i = 0; i < 50; i++) {
            launch(http, base);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> workers = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline && started.incrementAndGet() <= maxLaunches) {
                    long s = System.nanoTime();
                    try {
                        launch(http, base);
                        latencies.add(System.nanoTime() - s);
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.err.println("launch failed: " + e.getMessage());
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> w : workers) {
            all.addAll(w.get());
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("launches=%d failed=%d threads=%d elapsed=%.1fs throughput=%.1f/s p50=%.1fms p99=%.1fms%n",
                sorted.length, failed.get(), threads, elapsed, sorted.length / elapsed,
                percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** One complete launch as a browser does it; throws unless it ends in a session token. */
    static void launch(HttpClient http, String base) throws Exception {
        HttpResponse<String> lms = post(http, base + "/demo/api/launch", Map.of("person", "demo-t-01"), null);
        Map.Entry<String, Map<String, String>> loginForm = form(lms.body());
        HttpResponse<String> login = post(http, loginForm.getKey(), loginForm.getValue(), null);
        String cookie = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(login.headers().firstValue("Location").orElseThrow()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Map.Entry<String, Map<String, String>> launchForm = form(auth.body());
        HttpResponse<String> launch = post(http, launchForm.getKey(), launchForm.getValue(), cookie);
        String location = launch.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("launch refused: HTTP " + launch.statusCode()
                + " " + launch.headers().firstValue("X-Calibrate-Error").orElse("")));
        String code = location.substring(location.indexOf("#launch=") + 8);
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (session.statusCode() != 200) {
            throw new IllegalStateException("code exchange failed: " + session.statusCode());
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form, String cookie) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null && !cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first form of an auto-posting page: its action and hidden fields. */
    private static Map.Entry<String, Map<String, String>> form(String page) {
        Element form = Jsoup.parse(page).selectFirst("form");
        if (form == null) {
            throw new IllegalStateException("no form in page");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        return Map.entry(form.attr("action"), fields);
    }
}
