package org.calibrate.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A faithful LMS on loopback for black-box tests: its own RSA keys, a JWKS over HTTP (plus a slow
 * one), and id_tokens signed the way Moodle signs them. Test fixture keys are generated per run.
 */
public final class TestPlatform implements AutoCloseable {
    public static final String CLIENT_ID = "tool-client-1";
    public static final String DEPLOYMENT_ID = "deployment-1";
    public static final String OTHER_CLIENT_ID = "other-client";

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private volatile boolean jwksDown;
    private volatile RSAKey rotatedKey;

    public TestPlatform() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("platform-key-1").algorithm(JWSAlgorithm.RS256).generate();
        foreignKey = new RSAKeyGenerator(2048).keyID("platform-key-1").algorithm(JWSAlgorithm.RS256).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/jwks", ex -> {
            if (jwksDown) {
                respond(ex, 503, "down");
            } else {
                respond(ex, 200, new JWKSet(key.toPublicJWK()).toString(true));
            }
        });
        // A platform of its own (own key set URL, so its cache entry is its own) that rotates its key.
        server.createContext("/rotating-jwks", ex -> {
            RSAKey rotated = rotatedKey;
            respond(ex, 200, (rotated == null ? new JWKSet(key.toPublicJWK())
                    : new JWKSet(List.of(rotated.toPublicJWK(), key.toPublicJWK()))).toString(true));
        });
        server.createContext("/slow-jwks", ex -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, new JWKSet(key.toPublicJWK()).toString(true));
        });
        server.createContext("/garbage-jwks", ex -> respond(ex, 200, "<html>not a key set</html>"));
        server.createContext("/auth", ex -> respond(ex, 200, "auth endpoint of the test platform"));
        server.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuer() {
        return url();
    }

    public RSAKey key() {
        return key;
    }

    /** Lets a test add a service of the platform (an Asset Processor's) under this platform's address. */
    public void handle(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** Same kid, different key: what a token signed by an impostor looks like. */
    public RSAKey foreignKey() {
        return foreignKey;
    }

    /** The platform at {@code /rotating} starts publishing a second key (as at a rotation) and returns it. */
    public synchronized RSAKey rotate() throws JOSEException {
        if (rotatedKey == null) {
            rotatedKey = new RSAKeyGenerator(2048).keyID("platform-key-2").algorithm(JWSAlgorithm.RS256).generate();
        }
        return rotatedKey;
    }

    public void jwksDown(boolean down) {
        this.jwksDown = down;
    }

    /** The platform files the tool reads: this platform (two registrations on one issuer) and broken ones. */
    public Map<String, String> platformFiles() {
        return Map.of(
                "test-platform.json", file(issuer(), CLIENT_ID, "/jwks", List.of(DEPLOYMENT_ID, "deployment-2")),
                "test-platform-other-client.json", file(issuer(), OTHER_CLIENT_ID, "/jwks", List.of(DEPLOYMENT_ID)),
                "rotating-platform.json", file(url() + "/rotating", CLIENT_ID, "/rotating-jwks", List.of(DEPLOYMENT_ID)),
                "slow-platform.json", file(url() + "/slow", CLIENT_ID, "/slow-jwks", List.of(DEPLOYMENT_ID)),
                "garbage-platform.json", file(url() + "/garbage", CLIENT_ID, "/garbage-jwks", List.of(DEPLOYMENT_ID)),
                "down-platform.json", file(url() + "/down", CLIENT_ID, "http://127.0.0.1:9/jwks", List.of(DEPLOYMENT_ID)),
                "broken-missing-issuer.json", "{\"client_id\": \"x\", \"auth_login_url\": \"https://lms.example.org/auth\","
                        + " \"key_set_url\": \"https://lms.example.org/jwks\", \"deployment_ids\": [\"1\"]}",
                "broken-not-json.json", "{ \"issuer\": ");
    }

    private String file(String issuer, String clientId, String jwks, List<String> deployments) {
        String keySet = jwks.startsWith("http") ? jwks : url() + jwks;
        return "{\"issuer\": \"" + issuer + "\", \"client_id\": \"" + clientId + "\", \"auth_login_url\": \"" + url()
                + "/auth\", \"auth_token_url\": \"" + url() + "/token\", \"key_set_url\": \"" + keySet
                + "\", \"deployment_ids\": [" + String.join(", ", deployments.stream().map(d -> "\"" + d + "\"").toList()) + "]}";
    }

    public static String sign(JWTClaimsSet claims, RSAKey with) {
        return sign(claims, with, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build());
    }

    public static String sign(JWTClaimsSet claims, RSAKey with, JWSHeader header) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid Moodle-style resource link launch for the given nonce; tests change one thing at a time. */
    public JWTClaimsSet.Builder launchClaims(String nonce, String toolUrl, String role) {
        Date now = new Date();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(CLIENT_ID)
                .subject("user-42")
                .issueTime(now)
                .expirationTime(new Date(now.getTime() + 60_000))
                .claim("nonce", nonce)
                .claim("name", "Dana Teacher")
                .claim("email", "dana@school.example.org")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT_ID)
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", toolUrl + "/lti/launch")
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-7", "title", "Essay moderation"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context",
                        Map.of("id", "course-9", "title", "History 10", "label", "HIS10", "type", List.of("CourseSection")));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
