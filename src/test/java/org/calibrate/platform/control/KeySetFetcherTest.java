package org.calibrate.platform.control;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeySetFetcherTest {
    private HttpServer server;
    private RSAKey key;

    @BeforeEach
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        // A careless platform publishing its private key: we must keep only the public half.
        serve("/jwks", 200, new JWKSet(key).toString(false));
        serve("/error", 500, "oops");
        serve("/html", 200, "<html></html>");
        serve("/huge", 200, "{\"keys\":[" + " ".repeat(KeySetFetcher.MAX_BYTES) + "]}");
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().set("Location", "/jwks");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.start();
    }

    private void serve(String path, int status, String body) {
        server.createContext(path, ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void fetchesOnlyPublicKeys() throws Exception {
        JWKSet set = new KeySetFetcher().fetch(url("/jwks"));
        assertNotNull(set.getKeyByKeyId("k"));
        assertFalse(set.getKeyByKeyId("k").isPrivate());
    }

    @Test
    void errorsAreUnavailable() {
        assertTrue(assertThrows(KeySetFetcher.Unavailable.class, () -> new KeySetFetcher().fetch(url("/error"))).getMessage().contains("500"));
        assertThrows(KeySetFetcher.Unavailable.class, () -> new KeySetFetcher().fetch(url("/html")));
        assertTrue(assertThrows(KeySetFetcher.Unavailable.class, () -> new KeySetFetcher().fetch(url("/huge"))).getMessage().contains("larger"));
        assertTrue(assertThrows(KeySetFetcher.Unavailable.class, () -> new KeySetFetcher().fetch(url("/redirect"))).getMessage().contains("302"),
                "redirects are not followed");
        assertThrows(KeySetFetcher.Unavailable.class, () -> new KeySetFetcher().fetch(URI.create("http://127.0.0.1:9/jwks")));
    }

    @Test
    void aHangingEndpointIsCutOff() {
        Instant start = Instant.now();
        assertThrows(KeySetFetcher.Unavailable.class, () -> new KeySetFetcher().fetch(url("/slow")));
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 7000, "bounded by the request timeout");
    }
}
