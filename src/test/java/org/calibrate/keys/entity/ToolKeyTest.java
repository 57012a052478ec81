package org.calibrate.keys.entity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool's signing keys: named by thumbprint, RS256, and still published for a while after rotation. */
class ToolKeyTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration OVERLAP = Duration.ofDays(7);
    private static ToolKey key;
    private static ToolKey otherKey;

    @BeforeAll
    static void generate() {
        key = ToolKey.generate(NOW);
        otherKey = ToolKey.generate(NOW);
    }

    private static String sign(ToolKey with) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.kid()).build(), new Payload("{\"score\":3}"));
        jws.sign(new RSASSASigner(with.signingKey()));
        return jws.serialize();
    }

    @Test
    @DisplayName("RFC 7638: the kid is the SHA-256 thumbprint of the public key's required members")
    void kidIsTheThumbprint() throws Exception {
        RSAKey pub = key.publicKey();
        String members = "{\"e\":\"" + pub.getPublicExponent() + "\",\"kty\":\"RSA\",\"n\":\"" + pub.getModulus() + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.UTF_8));
        assertEquals(Base64URL.encode(digest).toString(), key.kid());
        assertEquals(key.kid(), pub.getKeyID());
    }

    @Test
    @DisplayName("the public key says alg RS256 and use sig, and has no private part")
    void publicKey() {
        RSAKey pub = key.publicKey();
        assertEquals(JWSAlgorithm.RS256, pub.getAlgorithm());
        assertEquals(KeyUse.SIGNATURE, pub.getKeyUse());
        assertFalse(pub.isPrivate());
        assertTrue(pub.size() >= 2048, "key size " + pub.size());
    }

    @Test
    @DisplayName("the signing key has the private part and the same kid")
    void signingKey() {
        RSAKey signing = key.signingKey();
        assertTrue(signing.isPrivate());
        assertNotNull(signing.getPrivateExponent());
        assertEquals(key.kid(), signing.getKeyID());
        assertEquals(key.publicKey(), signing.toPublicJWK());
    }

    @Test
    @DisplayName("what the signing key signs, the public key verifies, and another key's public key does not")
    void signsWhatThePublicKeyVerifies() throws Exception {
        JWSObject jws = JWSObject.parse(sign(key));
        assertTrue(jws.verify(new RSASSAVerifier(key.publicKey())));
        assertFalse(JWSObject.parse(sign(key)).verify(new RSASSAVerifier(otherKey.publicKey())));
    }

    @Test
    @DisplayName("a new key is active and published")
    void newKeyIsActiveAndPublished() {
        ToolKey fresh = ToolKey.generate(NOW);
        assertTrue(fresh.active());
        assertTrue(fresh.publishedAt(NOW));
        assertTrue(fresh.publishedAt(NOW.plus(Duration.ofDays(365))));
        assertNull(fresh.retiredAt());
        assertEquals(NOW, fresh.createdAt());
    }

    @Test
    @DisplayName("a retired key is no longer active, and stays published for the overlap only")
    void retiredKey() {
        ToolKey retired = ToolKey.generate(NOW);
        retired.retire(NOW, OVERLAP);
        assertFalse(retired.active());
        assertEquals(NOW, retired.retiredAt());
        assertEquals(NOW.plus(OVERLAP), retired.publishedUntil());
        assertTrue(retired.publishedAt(NOW));
        assertTrue(retired.publishedAt(NOW.plus(OVERLAP).minusSeconds(1)));
        assertFalse(retired.publishedAt(NOW.plus(OVERLAP)));
        assertFalse(retired.publishedAt(NOW.plus(OVERLAP).plusSeconds(1)));
    }

    @Test
    @DisplayName("toString shows the kid and never private key material")
    void toStringHidesKeyMaterial() throws Exception {
        String text = key.toString();
        RSAKey signing = key.signingKey();
        assertTrue(text.contains(key.kid()), text);
        assertFalse(text.contains(signing.getPrivateExponent().toString()), text);
        assertFalse(text.contains(signing.getFirstPrimeFactor().toString()), text);
        assertFalse(text.contains(signing.getSecondPrimeFactor().toString()), text);
        assertFalse(text.contains(Base64.getEncoder().encodeToString(signing.toRSAPrivateKey().getEncoded()).substring(200, 260)), text);
        assertFalse(text.contains(signing.toRSAPrivateKey().getPrivateExponent().toString()), text);
    }
}
