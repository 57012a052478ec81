package org.calibrate.platform.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetching a platform's JWKS from a real HTTP server on loopback: bounded in time and size, no redirects. */
class KeySetFetcherTest {
    private static RSAKey platformKey;
    private HttpServer server;
    private ExecutorService threads;
    private final KeySetFetcher fetcher = new KeySetFetcher();

    @BeforeAll
    static void key() throws Exception {
        platformKey = new RSAKeyGenerator(2048).keyID("p1").generate();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private URI serve(HttpHandler handler) {
        server.createContext("/jwks", handler);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    private URI serve(int status, String body) {
        return serve(ex -> respond(ex, status, body));
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @DisplayName("a valid JWKS is parsed")
    void validKeySet() throws Exception {
        JWKSet set = fetcher.fetch(serve(200, new JWKSet(platformKey.toPublicJWK()).toString()));
        assertEquals(platformKey.toPublicJWK(), set.getKeyByKeyId("p1"));
    }

    @Test
    @DisplayName("a private key wrongly published by the platform is kept public only")
    void privateKeysAreStripped() throws Exception {
        JWKSet set = fetcher.fetch(serve(200, new JWKSet(platformKey).toString(false)));
        JWK key = set.getKeyByKeyId("p1");
        assertFalse(key.isPrivate());
        assertEquals(platformKey.toPublicJWK(), key);
    }

    @Test
    @DisplayName("HTTP 500 is unavailable, and says so")
    void serverError() {
        KeySetFetcher.Unavailable e = assertThrows(KeySetFetcher.Unavailable.class, () -> fetcher.fetch(serve(500, "oops")));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
    }

    @Test
    @DisplayName("a body that is not JSON is unavailable")
    void notJson() {
        assertThrows(KeySetFetcher.Unavailable.class, () -> fetcher.fetch(serve(200, "<html>Moodle is being upgraded</html>")));
    }

    @Test
    @DisplayName("a body larger than 256 KiB is unavailable")
    void tooLarge() {
        // Valid JSON and a valid key set, but padded past the limit.
        String huge = "{\"keys\":[" + platformKey.toPublicJWK().toJSONString() + "]" + " ".repeat(256 * 1024) + "}";
        KeySetFetcher.Unavailable e = assertThrows(KeySetFetcher.Unavailable.class, () -> fetcher.fetch(serve(200, huge)));
        assertTrue(e.getMessage().contains("larger"), e.getMessage());
    }

    @Test
    @DisplayName("an endpoint that does not answer is cut off by the 5 s request timeout")
    void hangingEndpoint() {
        URI url = serve(ex -> {
            sleep(Duration.ofSeconds(8));
            respond(ex, 200, new JWKSet(platformKey.toPublicJWK()).toString());
        });
        long start = System.nanoTime();
        assertThrows(KeySetFetcher.Unavailable.class, () -> fetcher.fetch(url));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(7)) < 0, "took " + elapsed);
    }

    @Test
    @DisplayName("an endpoint that sends headers and then stalls the body is cut off as well")
    void stallingBody() {
        URI url = serve(ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("{\"keys\":[".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(Duration.ofSeconds(8));
                out.write("]}".getBytes(StandardCharsets.UTF_8));
            }
        });
        long start = System.nanoTime();
        Object outcome;
        try {
            outcome = fetcher.fetch(url);
        } catch (KeySetFetcher.Unavailable e) {
            outcome = e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(7)) < 0, "took " + elapsed + ", ended with " + outcome);
        assertInstanceOf(KeySetFetcher.Unavailable.class, outcome);
    }

    @Test
    @DisplayName("a closed port is unavailable")
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/jwks");
        assertThrows(KeySetFetcher.Unavailable.class, () -> fetcher.fetch(closed));
    }

    @Test
    @DisplayName("a redirect is not followed: only the registered URL is fetched")
    void redirectNotFollowed() {
        server.createContext("/elsewhere", ex -> respond(ex, 200, new JWKSet(platformKey.toPublicJWK()).toString()));
        URI url = serve(ex -> {
            ex.getResponseHeaders().set("Location", "/elsewhere");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        KeySetFetcher.Unavailable e = assertThrows(KeySetFetcher.Unavailable.class, () -> fetcher.fetch(url));
        assertTrue(e.getMessage().contains("302"), e.getMessage());
    }
}
