package org.calibrate.platform.control;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.calibrate.platform.entity.AccessToken;
import org.calibrate.platform.entity.ClientId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a token endpoint that checks as Moodle's token.php does: form POST only, the client
 * assertion verified with the tool's public key and zero leeway, a single-use jti, granted scopes =
 * requested ∩ permitted (none → 400 invalid_scope), and a JSON reply labelled text/html.
 */
class AccessTokenClientTest {
    private static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    private static RSAKey toolKey;
    private static RSAKey otherKey;

    private HttpServer server;
    private final Set<String> seenJti = new HashSet<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int forceStatus;
    private URI tokenUrl;

    @BeforeAll
    static void keys() throws Exception {
        toolKey = new RSAKeyGenerator(2048).keyID("tool-1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("tool-1").generate();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mod/lti/token.php", this::token);
        server.start();
        tokenUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mod/lti/token.php");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void token(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        if (forceStatus != 0) {
            reply(ex, forceStatus, forceStatus == 401 ? "{\"error\":\"invalid_client\"}" : "oops");
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())
                || !"application/x-www-form-urlencoded".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
            reply(ex, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        try {
            SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Instant now = Instant.now();
            boolean ok = "client_credentials".equals(form.get("grant_type"))
                    && "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
                    && "tool-1".equals(jwt.getHeader().getKeyID())
                    && jwt.verify(new RSASSAVerifier(toolKey.toRSAPublicKey()))
                    && "client-9".equals(c.getIssuer()) && "client-9".equals(c.getSubject())
                    && c.getAudience().contains(tokenUrl.toString())
                    // Zero leeway, as Moodle: not issued in the future, at least 60 s left, no nbf.
                    && !c.getIssueTime().toInstant().isAfter(now)
                    && c.getExpirationTime().toInstant().isAfter(now.plusSeconds(60))
                    && c.getNotBeforeTime() == null
                    && c.getJWTID() != null && seenJti.add(c.getJWTID());
            if (!ok) {
                reply(ex, 401, "{\"error\":\"invalid_client\",\"error_description\":\"bad assertion\"}");
                return;
            }
        } catch (Exception e) {
            reply(ex, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        Set<String> granted = new LinkedHashSet<>(List.of(form.get("scope").split(" ")));
        granted.retainAll(Set.of(AGS, NRPS));
        if (granted.isEmpty()) {
            reply(ex, 400, "{\"error\":\"invalid_scope\"}");
            return;
        }
        reply(ex, 200, "{\"access_token\":\"tok-" + requests.get() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\""
                + String.join(" ", granted) + "\"}");
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private AccessTokenClient client() {
        return new AccessTokenClient(HttpClient.newHttpClient(), Clock.systemUTC());
    }

    @Test
    @DisplayName("RFC 7523 client assertion accepted by a zero-leeway endpoint; the text/html JSON reply is read")
    void obtainsAToken() throws Exception {
        AccessToken token = client().request(tokenUrl, new ClientId("client-9"), Set.of(AGS), toolKey);
        assertTrue(token.value().startsWith("tok-"));
        assertEquals(Set.of(AGS), token.scopes());
        assertTrue(token.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(59))));
        assertFalse(token.toString().contains(token.value()), "never log the token");
    }

    @Test
    void grantedScopesAreWhatThePlatformSays() throws Exception {
        AccessToken token = client().request(tokenUrl, new ClientId("client-9"), Set.of(AGS, NRPS, "https://example.org/unknown"), toolKey);
        assertEquals(Set.of(AGS, NRPS), token.scopes());
    }

    @Test
    void everyAssertionHasItsOwnJti() throws Exception {
        client().request(tokenUrl, new ClientId("client-9"), Set.of(AGS), toolKey);
        client().request(tokenUrl, new ClientId("client-9"), Set.of(AGS), toolKey);
        assertEquals(2, seenJti.size());
    }

    @Test
    @DisplayName("400 invalid_scope says so and tells what to check")
    void invalidScope() {
        ServiceFailure e = assertThrows(ServiceFailure.class,
                () -> client().request(tokenUrl, new ClientId("client-9"), Set.of("https://example.org/unknown"), toolKey));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("invalid_scope"), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    @DisplayName("401 for an assertion signed with another key, or for another client")
    void badAssertion() {
        ServiceFailure wrongKey = assertThrows(ServiceFailure.class,
                () -> client().request(tokenUrl, new ClientId("client-9"), Set.of(AGS), otherKey));
        assertEquals(401, wrongKey.status());
        assertTrue(wrongKey.getMessage().contains("invalid_client"), wrongKey.getMessage());
        assertEquals(401, assertThrows(ServiceFailure.class,
                () -> client().request(tokenUrl, new ClientId("client-8"), Set.of(AGS), toolKey)).status());
    }

    @Test
    @DisplayName("an assertion built by a clock a little ahead of the platform's still passes: iat is back-dated")
    void backDatedIssueTime() throws Exception {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3));
        new AccessTokenClient(HttpClient.newHttpClient(), ahead).request(tokenUrl, new ClientId("client-9"), Set.of(AGS), toolKey);
    }

    @Test
    void serverErrorsAndUnreachableEndpointsAreRetryable() {
        forceStatus = 500;
        ServiceFailure e = assertThrows(ServiceFailure.class,
                () -> client().request(tokenUrl, new ClientId("client-9"), Set.of(AGS), toolKey));
        assertEquals(500, e.status());
        assertTrue(e.retryable());
        server.stop(0);
        ServiceFailure down = assertThrows(ServiceFailure.class,
                () -> client().request(tokenUrl, new ClientId("client-9"), Set.of(AGS), toolKey));
        assertEquals(0, down.status());
        assertTrue(down.retryable());
    }

    @Test
    @DisplayName("tokens are cached per platform and scope set until a minute before they expire")
    void cache() throws Exception {
        Instant[] now = {Instant.parse("2026-12-01T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AccessTokenCache cache = new AccessTokenCache(clock);
        AtomicInteger fetches = new AtomicInteger();
        AccessTokenCache.Source source = () -> new AccessToken("t" + fetches.incrementAndGet(), Set.of(AGS), now[0].plusSeconds(3600));
        AccessToken first = cache.get(1, Set.of(AGS), source);
        assertSame(first, cache.get(1, Set.of(AGS), source));
        assertEquals("t2", cache.get(2, Set.of(AGS), source).value(), "another platform, another token");
        assertEquals("t3", cache.get(1, Set.of(AGS, NRPS), source).value(), "another scope set, another token");
        now[0] = now[0].plusSeconds(3600 - 59);
        assertEquals("t4", cache.get(1, Set.of(AGS), source).value(), "renewed shortly before expiry");
        cache.invalidate(1, Set.of(AGS));
        assertEquals("t5", cache.get(1, Set.of(AGS), source).value());
    }
}
