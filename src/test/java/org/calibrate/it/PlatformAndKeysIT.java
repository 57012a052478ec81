package org.calibrate.it;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool's JWKS and key rotation, platform files (good and broken), health. */
@ExtendWith(CalibrateServer.class)
class PlatformAndKeysIT {
    private static CalibrateServer.Running server;
    private static LtiClient client;

    @BeforeAll
    static void setUp() throws Exception {
        server = CalibrateServer.get();
        client = new LtiClient(server.url());
    }

    private static String admin() throws Exception {
        TestPlatform platform = server.platform();
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(),
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator").build();
        return client.session(client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie()));
    }

    @Test
    void jwksPublishesPublicRs256KeysWithKid() throws Exception {
        HttpResponse<String> r = client.get("/lti/jwks", null);
        assertEquals(200, r.statusCode());
        JWKSet set = JWKSet.parse(r.body());
        assertFalse(set.getKeys().isEmpty());
        set.getKeys().forEach(k -> {
            assertNotNull(k.getKeyID());
            assertEquals("RS256", k.getAlgorithm().getName());
            assertFalse(k.isPrivate(), "never the private half");
        });
        assertFalse(r.body().contains("\"d\""), "no private exponent");
    }

    @Test
    void rotationKeepsThePreviousKeyPublished() throws Exception {
        String token = admin();
        JWKSet before = JWKSet.parse(client.get("/lti/jwks", null).body());
        HttpResponse<String> rotated = client.postJson("/api/admin/keys/rotation", "", token);
        assertEquals(200, rotated.statusCode(), rotated.body());
        JWKSet after = JWKSet.parse(client.get("/lti/jwks", null).body());
        before.getKeys().forEach(k -> assertNotNull(after.getKeyByKeyId(k.getKeyID()), "old key still published during the overlap"));
        assertEquals(before.getKeys().size() + 1, after.getKeys().size());
        String newest = after.getKeys().get(0).getKeyID();
        assertNull(before.getKeyByKeyId(newest));
        assertTrue(rotated.body().contains(newest));
        assertTrue(after.getKeyByKeyId(newest) instanceof RSAKey);
    }

    @Test
    void onlyAdminsRotate() throws Exception {
        assertEquals(401, client.postJson("/api/admin/keys/rotation", "", null).statusCode());
    }

    @Test
    void brokenPlatformFilesAreReportedWithFileAndFieldAndStopNothingElse() throws Exception {
        HttpResponse<String> r = client.get("/api/admin/platforms", admin());
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("\"file\":\"broken-missing-issuer.json\""), body);
        assertTrue(body.contains("\"field\":\"issuer\""), body);
        assertTrue(body.contains("\"file\":\"broken-not-json.json\""), body);
        assertTrue(body.contains("\"client_id\":\"" + TestPlatform.CLIENT_ID + "\""), "good files still loaded");
        assertTrue(body.contains("\"client_id\":\"calibrate-demo\""), "the demo platform is registered like any other");
        assertTrue(server.logFile().toFile().exists());
        String log = java.nio.file.Files.readString(server.logFile());
        assertTrue(log.contains("broken-missing-issuer.json: field 'issuer': is required"), "the start-up log names file and field");
    }

    @Test
    void adminSeesWhyLaunchesFailed() throws Exception {
        TestPlatform platform = server.platform();
        LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), server.url(),
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor").audience("nobody").build();
        client.launch(TestPlatform.sign(claims, platform.key()), login.state(), login.cookie());
        String body = client.get("/api/admin/platforms", admin()).body();
        assertTrue(body.contains("wrong_audience"), body);
    }

    @Test
    void healthReportsDatabaseAndKeys() throws Exception {
        HttpResponse<String> r = client.get("/health", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"name\":\"database\"") && r.body().contains("\"name\":\"tool-keys\""), r.body());
        assertTrue(r.body().contains("\"status\":\"UP\""));
    }

    @Test
    void logsCarryNoTokensOrSecrets() throws Exception {
        admin();
        String log = java.nio.file.Files.readString(server.logFile());
        // A JWT is base64url JSON ("eyJ…") then a dot and a payload; a random key id may hold "eyJ" by chance.
        assertFalse(java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}").matcher(log).find(), "no JWT in the log");
        assertFalse(log.contains("dana@school.example.org"), "no email in the log");
        assertFalse(log.contains("PRIVATE KEY"));
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        HttpResponse<String> r = client.get("/lti/jwks", null);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertNotEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), "the tool must be frameable by the LMS");
        // Frameable by the registered platforms (here the test platform, on loopback) and itself; by no one else.
        String csp = client.get("/app/", null).headers().firstValue("Content-Security-Policy").orElse("");
        java.net.URI issuer = java.net.URI.create(server.platform().issuer());
        String origin = issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() == -1 ? "" : ":" + issuer.getPort());
        assertTrue(csp.contains("frame-ancestors 'self'") && csp.contains(origin), csp);
        assertFalse(csp.contains("frame-ancestors *") || csp.contains(" * "), csp);
    }
}
