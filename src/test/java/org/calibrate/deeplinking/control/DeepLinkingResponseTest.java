package org.calibrate.deeplinking.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deep Linking 2.0 §4.5: the response JWT the tool posts back to the platform. */
class DeepLinkingResponseTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final RSAKey KEY = key();

    private static RSAKey key() {
        try {
            // Test fixture key, generated per run.
            return new RSAKeyGenerator(2048).keyID("tool-1").algorithm(JWSAlgorithm.RS256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet signed(Optional<String> data, List<? extends DeepLinkingResponse.ContentItem> items) throws Exception {
        SignedJWT jwt = SignedJWT.parse(DeepLinkingResponse.sign("client-5", "https://moodle.school.example.org", "3", data, items, NOW, KEY));
        assertTrue(jwt.verify(new RSASSAVerifier(KEY.toPublicJWK())));
        assertEquals("tool-1", jwt.getHeader().getKeyID());
        return jwt.getJWTClaimsSet();
    }

    @Test
    @DisplayName("§4.5: iss is the client id, aud the platform, the deployment and message type are named, data echoed")
    void claims() throws Exception {
        JWTClaimsSet c = signed(Optional.of("opaque-7"), List.of());
        assertEquals("client-5", c.getIssuer());
        assertEquals(List.of("https://moodle.school.example.org"), c.getAudience());
        assertEquals("3", c.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"));
        assertEquals("LtiDeepLinkingResponse", c.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"));
        assertEquals("1.3.0", c.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/version"));
        assertEquals("opaque-7", c.getStringClaim(DeepLinkingResponse.DATA));
        assertTrue(c.getStringClaim("nonce").length() > 10);
        assertEquals(List.of(), c.getListClaim(DeepLinkingResponse.CONTENT_ITEMS), "no items: the teacher cancelled");
    }

    @Test
    @DisplayName("timed for zero-leeway platforms: iat a few seconds back, exp minutes ahead, no nbf")
    void timing() throws Exception {
        JWTClaimsSet c = signed(Optional.empty(), List.of());
        assertTrue(c.getIssueTime().toInstant().isBefore(NOW));
        assertTrue(c.getExpirationTime().toInstant().isAfter(NOW.plusSeconds(60)));
        assertNull(c.getNotBeforeTime());
        assertNull(c.getClaim(DeepLinkingResponse.DATA), "no data in the request, none in the response");
    }

    @Test
    @DisplayName("§3.2: an ltiResourceLink back to the tool, with the placement as a custom parameter and its lineItem")
    void resourceLink() throws Exception {
        JWTClaimsSet c = signed(Optional.empty(), List.of(new DeepLinkingResponse.Item("pl-1", "Essay round", Optional.of("Year 10"),
                URI.create("https://calibrate.school.example.org/lti/launch"),
                Optional.of(new DeepLinkingResponse.LineItem("Essay round", 24, "pl-1", "calibrate")))));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) c.getListClaim(DeepLinkingResponse.CONTENT_ITEMS).get(0);
        assertEquals("ltiResourceLink", item.get("type"));
        assertEquals("https://calibrate.school.example.org/lti/launch", item.get("url"));
        assertEquals(Map.of("calibrate_placement", "pl-1"), item.get("custom"));
        @SuppressWarnings("unchecked")
        Map<String, Object> lineItem = (Map<String, Object>) item.get("lineItem");
        assertEquals(24.0, ((Number) lineItem.get("scoreMaximum")).doubleValue());
        assertEquals("calibrate", lineItem.get("tag"));
        assertFalse(item.containsKey("lineitem"), "the spec's spelling is lineItem");
    }

    @Test
    @DisplayName("Asset Processor §3: an ltiAssetProcessor item, with neither URL nor line item")
    void assetProcessor() throws Exception {
        JWTClaimsSet c = signed(Optional.of("d-1"), List.of(new DeepLinkingResponse.Processor("Calibrate moderation", Optional.of("Blind double scoring"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) c.getListClaim(DeepLinkingResponse.CONTENT_ITEMS).get(0);
        assertEquals(Map.of("type", "ltiAssetProcessor", "title", "Calibrate moderation", "text", "Blind double scoring"), item);
        assertEquals("d-1", c.getClaim(DeepLinkingResponse.DATA));
    }
}
