package org.calibrate.session.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.session.entity.SessionPrincipal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API session token: only what this codec signed, unexpired, with a role, is a session. */
class SessionTokenCodecTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final SessionTokenCodec codec = codecAt(NOW);

    private static SessionTokenCodec codecAt(Instant now) {
        return new SessionTokenCodec(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SessionPrincipal teacher() {
        return principal(ToolRole.TEACHER);
    }

    private static SessionPrincipal principal(ToolRole role) {
        return new SessionPrincipal("u-7", "course-2", 1, "dep-1", Optional.of("pl-4"), SessionPrincipal.Purpose.RESOURCE_LINK,
                Optional.empty(), Optional.empty(), role,
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"), NOW.plusSeconds(3600));
    }

    /** The claims of a genuine token, re-signed under the given header and signer. */
    private String resigned(JWSHeader header, JWSSigner signer) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(codec.sign(teacher())).getJWTClaimsSet();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    @DisplayName("a signed principal verifies back to the same principal")
    void roundTrip() {
        SessionPrincipal p = teacher();
        assertEquals(Optional.of(p), codec.verify(codec.sign(p)));
    }

    @Test
    @DisplayName("control: re-signing a genuine token's claims with our header and secret still verifies")
    void resigningWithOurHeaderAndSecretVerifies() throws Exception {
        String token = resigned(new JWSHeader.Builder(JWSAlgorithm.HS256).type(SessionTokenCodec.TYPE).build(), new MACSigner(SECRET));
        assertEquals(Optional.of(teacher()), codec.verify(token));
    }

    @Test
    @DisplayName("an expired token is no session")
    void expired() {
        String token = codec.sign(teacher());
        assertTrue(codecAt(NOW.plusSeconds(3599)).verify(token).isPresent(), "still valid a second before expiry");
        assertEquals(Optional.empty(), codecAt(NOW.plusSeconds(3600)).verify(token));
    }

    @Test
    @DisplayName("a token whose payload was changed after signing is no session")
    void tampered() {
        String[] parts = codec.sign(teacher()).split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8).replace("\"TEACHER\"", "\"ADMIN\"");
        assertTrue(payload.contains("\"ADMIN\""));
        assertEquals(Optional.empty(), codec.verify(parts[0] + "." + Base64URL.encode(payload) + "." + parts[2]));
    }

    @Test
    @DisplayName("a token signed with another secret is no session")
    void anotherSecret() {
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        String token = new SessionTokenCodec(other, Clock.fixed(NOW, ZoneOffset.UTC)).sign(teacher());
        assertEquals(Optional.empty(), codec.verify(token));
    }

    @Test
    @DisplayName("a token for role NONE (a learner) is no session")
    void roleNone() {
        assertEquals(Optional.empty(), codec.verify(codec.sign(principal(ToolRole.NONE))));
    }

    @Test
    @DisplayName("an RS256 token (as the tool signs for platforms) is no session")
    void rs256() throws Exception {
        String token = resigned(new JWSHeader.Builder(JWSAlgorithm.RS256).type(SessionTokenCodec.TYPE).build(),
                new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        assertEquals(Optional.empty(), codec.verify(token));
    }

    @Test
    @DisplayName("an HS256 token with our secret but another typ is no session")
    void wrongType() throws Exception {
        String token = resigned(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), new MACSigner(SECRET));
        assertEquals(Optional.empty(), codec.verify(token));
    }

    @Test
    @DisplayName("a secret shorter than 256 bits is rejected")
    void shortSecret() {
        assertThrows(IllegalArgumentException.class, () -> new SessionTokenCodec(new byte[31], Clock.systemUTC()));
        assertDoesNotThrow(() -> new SessionTokenCodec(new byte[32], Clock.systemUTC()));
    }

    @Test
    @DisplayName("huge input is no session (and no parsing)")
    void hugeInput() {
        String token = codec.sign(teacher());
        assertEquals(Optional.empty(), codec.verify(token + " ".repeat(1_000_000)));
        assertEquals(Optional.empty(), codec.verify("x".repeat(1_000_000)));
    }

    @Test
    @DisplayName("no token, or junk, is no session")
    void junk() {
        assertEquals(Optional.empty(), codec.verify(null));
        assertEquals(Optional.empty(), codec.verify(""));
        assertEquals(Optional.empty(), codec.verify("a.b.c"));
    }
}
