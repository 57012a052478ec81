package org.calibrate.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged {@code target/calibrate.jar} once per test run as a child process — real
 * Payara Micro, real database (H2, or PostgreSQL with {@code -Dcalibrate.it.database=postgresql}) —
 * on free loopback ports, with a {@link TestPlatform} registered beside the demo LMS, and stops it
 * with SIGTERM at the end. Shared by every {@code *IT} class.
 */
public final class CalibrateServer implements BeforeAllCallback {
    private static Running running;

    /** The running server and its platform, for tests. */
    public record Running(String url, TestPlatform platform, Process process, Path dataDir, Path logFile, String database) {
        /** SIGTERM, then wait for the process to end. */
        public void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        get();
    }

    public static synchronized Running get() throws Exception {
        if (running == null) {
            running = start();
            Running r = running;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                r.process().destroy();
                r.platform().close();
            }));
        }
        return running;
    }

    private static Running start() throws Exception {
        TestPlatform platform = new TestPlatform();
        String database = System.getProperty("calibrate.it.database", "h2");
        Path work = Files.createTempDirectory("calibrate-it-" + database);
        Path config = Files.createDirectories(work.resolve("lti-config/platforms"));
        Files.copy(Path.of("lti-config/platforms/demo.json"), config.resolve("demo.json"));
        for (Map.Entry<String, String> f : platform.platformFiles().entrySet()) {
            Files.writeString(config.resolve(f.getKey()), f.getValue());
        }
        if (database.equals("postgresql")) {
            resetPostgres();
        }
        return start(platform, work, database, Map.of("CALIBRATE_DEMO", "true"), "it-" + database + "-server.log");
    }

    /**
     * A further instance for tests that need their own settings: embedded H2 in {@code work}
     * (kept between starts, so a test can restart with other settings), stopped by the caller.
     */
    public static Running startSeparate(TestPlatform platform, Path work, Map<String, String> settings, String logName) throws Exception {
        return startSeparate(platform, work, settings, logName, FAST_START);
    }

    /** The same with other JVM options: benchmarks run with the JVM's defaults, not the quick-start flags of the tests. */
    public static Running startSeparate(TestPlatform platform, Path work, Map<String, String> settings, String logName, List<String> jvmOptions)
            throws Exception {
        Path config = Files.createDirectories(work.resolve("lti-config/platforms"));
        Files.copy(Path.of("lti-config/platforms/demo.json"), config.resolve("demo.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return start(platform, work, "h2", settings, logName, jvmOptions);
    }

    /**
     * One node of a cluster on the suite's database (the PostgreSQL pass: nodes share it), the test platform
     * registered; the caller gives the cluster's name, port and members, and stops it.
     */
    static Running startNode(TestPlatform platform, Path work, Map<String, String> settings, String logName) throws Exception {
        Path config = Files.createDirectories(work.resolve("lti-config/platforms"));
        Files.copy(Path.of("lti-config/platforms/demo.json"), config.resolve("demo.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (Map.Entry<String, String> f : platform.platformFiles().entrySet()) {
            Files.writeString(config.resolve(f.getKey()), f.getValue());
        }
        return start(platform, work, System.getProperty("calibrate.it.database", "h2"), settings, logName, FAST_START);
    }

    /** Tests start many servers: C1 only and the serial collector halve start-up on two cores (STACK-NOTES). */
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m");

    private static Running start(TestPlatform platform, Path work, String database, Map<String, String> settings, String logName)
            throws Exception {
        return start(platform, work, database, settings, logName, FAST_START);
    }

    private static Running start(TestPlatform platform, Path work, String database, Map<String, String> settings, String logName,
                                 List<String> jvmOptions) throws Exception {
        int port = settings.containsKey("PORT") ? Integer.parseInt(settings.get("PORT")) : freePort();
        String url = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>();
        command.add(javaBin());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("PORT", Integer.toString(port));
        env.put("CALIBRATE_CLUSTER_PORT", Integer.toString(freePort()));
        env.put("CALIBRATE_DATA_DIR", work.resolve("data").toString());
        env.put("CALIBRATE_LTI_CONFIG_DIR", work.resolve("lti-config").toString());
        env.put("CALIBRATE_PUBLIC_URL", url);
        if (database.equals("postgresql")) {
            env.put("CALIBRATE_DB_URL", PG_URL);
            env.put("CALIBRATE_DB_USER", PG_USER);
            env.put("CALIBRATE_DB_PASSWORD", PG_PASSWORD);
            // Test fixture key (32 bytes, base64), never used outside the tests.
            env.put("CALIBRATE_DATA_KEY", "dGVzdC1maXh0dXJlLWtleS1wb3N0Z3Jlcy0zMi1ieXQ=");
        }
        env.putAll(settings);
        Path log = Path.of("target", logName).toAbsolutePath();
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        waitForHealth(url, process, log);
        return new Running(url, platform, process, work.resolve("data"), log, database);
    }

    private static final String PG_URL = System.getenv().getOrDefault("CALIBRATE_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/calibrate_it");
    private static final String PG_USER = System.getenv().getOrDefault("CALIBRATE_IT_PG_USER", "calibrate_it");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("CALIBRATE_IT_PG_PASSWORD", "calibrate_it");

    /** A connection to the PostgreSQL database of the tests, to look at what is stored. */
    static java.sql.Connection postgres() throws SQLException {
        return DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
    }

    private static void resetPostgres() throws SQLException {
        try (var c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); var st = c.createStatement()) {
            st.execute("drop schema if exists public cascade");
            st.execute("create schema public");
        }
    }

    private static void waitForHealth(String url, Process process, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Calibrate exited during start-up; see " + log);
            }
            try {
                // The application's own health URL: a failed deployment still lets Payara answer on the port.
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("tool-keys")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroy();
        throw new IllegalStateException("Calibrate did not become healthy within 3 minutes; see " + log);
    }

    private static String jar() {
        return System.getProperty("calibrate.jar", "target/calibrate.jar");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
