package org.calibrate.session.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.session.entity.SessionPrincipal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTokenCodecTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final byte[] secret = new byte[32];
    private final SessionTokenCodec codec;

    SessionTokenCodecTest() {
        Arrays.fill(secret, (byte) 7);
        codec = new SessionTokenCodec(secret, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SessionPrincipal principal(ToolRole role, Instant expires) {
        return new SessionPrincipal("u-1", "c-1", 3, "dep-1", "link-1", Optional.of("Essay"), role,
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"), expires);
    }

    @Test
    void roundTrip() {
        SessionPrincipal p = principal(ToolRole.TEACHER, NOW.plusSeconds(3600));
        assertEquals(p, codec.verify(codec.sign(p)).orElseThrow());
    }

    @Test
    void expiredTokenIsRefused() {
        String token = codec.sign(principal(ToolRole.TEACHER, NOW.minusSeconds(1)));
        assertTrue(codec.verify(token).isEmpty());
    }

    @Test
    void tamperedTokenIsRefused() {
        String token = codec.sign(principal(ToolRole.TEACHER, NOW.plusSeconds(3600)));
        String[] parts = token.split("\\.");
        String other = codec.sign(principal(ToolRole.ADMIN, NOW.plusSeconds(3600))).split("\\.")[1];
        assertTrue(codec.verify(parts[0] + "." + other + "." + parts[2]).isEmpty());
    }

    @Test
    void anotherSecretIsRefused() {
        byte[] other = new byte[32];
        String token = new SessionTokenCodec(other, Clock.fixed(NOW, ZoneOffset.UTC)).sign(principal(ToolRole.TEACHER, NOW.plusSeconds(60)));
        assertTrue(codec.verify(token).isEmpty());
    }

    @Test
    void noSessionForRoleNone() {
        assertTrue(codec.verify(codec.sign(principal(ToolRole.NONE, NOW.plusSeconds(60)))).isEmpty());
    }

    @Test
    void rs256AndForeignTypesAreRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-1").audience("calibrate-api")
                .expirationTime(Date.from(NOW.plusSeconds(60))).claim("role", "ADMIN").build();
        SignedJWT rs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(SessionTokenCodec.TYPE).build(), claims);
        rs.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        assertTrue(codec.verify(rs.serialize()).isEmpty());
        SignedJWT plainType = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        plainType.sign(new MACSigner(secret));
        assertTrue(codec.verify(plainType.serialize()).isEmpty(), "a JWT of another type, even with our secret");
    }

    @Test
    void junkIsRefused() {
        assertTrue(codec.verify(null).isEmpty());
        assertTrue(codec.verify("abc").isEmpty());
        assertTrue(codec.verify("x".repeat(100_000)).isEmpty());
    }

    @Test
    void shortSecretsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SessionTokenCodec(new byte[16], Clock.systemUTC()));
    }
}
