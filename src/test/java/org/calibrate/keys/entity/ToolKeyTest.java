package org.calibrate.keys.entity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolKeyTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void generatedKeyIsNamedByItsThumbprint() throws Exception {
        ToolKey key = ToolKey.generate(NOW);
        assertEquals(key.publicKey().computeThumbprint().toString(), key.kid());
        assertEquals(JWSAlgorithm.RS256, key.publicKey().getAlgorithm());
        assertEquals(KeyUse.SIGNATURE, key.publicKey().getKeyUse());
        assertFalse(key.publicKey().isPrivate());
        assertTrue(key.signingKey().isPrivate());
    }

    @Test
    void signsWhatItsPublicHalfVerifies() throws Exception {
        ToolKey key = ToolKey.generate(NOW);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(), new Payload("x"));
        jws.sign(new RSASSASigner(key.signingKey()));
        assertTrue(JWSObject.parse(jws.serialize()).verify(new RSASSAVerifier(key.publicKey())));
    }

    @Test
    void aRetiredKeyStaysPublishedForTheOverlap() {
        ToolKey key = ToolKey.generate(NOW);
        assertTrue(key.active());
        key.retire(NOW, Duration.ofDays(7));
        assertFalse(key.active());
        assertTrue(key.publishedAt(NOW.plus(Duration.ofDays(6))));
        assertFalse(key.publishedAt(NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        ToolKey key = ToolKey.generate(NOW);
        String text = key.toString();
        assertFalse(text.contains(key.signingKey().getPrivateExponent().toString()));
        assertFalse(text.contains(key.publicKey().getModulus().toString()));
    }
}
