package org.calibrate.session.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.session.entity.SessionPrincipal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and verifies the API session token: an HS256 JWT with its own type and audience, so no
 * token the tool signs for a platform (RS256) could ever pass as a session.
 */
public final class SessionTokenCodec {
    static final JOSEObjectType TYPE = new JOSEObjectType("calibrate-session+jwt");
    static final String AUDIENCE = "calibrate-api";
    private static final int MAX_TOKEN_CHARS = 8 * 1024;

    private final byte[] secret;
    private final Clock clock;

    public SessionTokenCodec(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("session secret must have at least 256 bits");
        }
        this.secret = secret.clone();
        this.clock = clock;
    }

    public String sign(SessionPrincipal p) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(p.userId())
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(p.expiresAt()))
                .claim("course", p.courseId())
                .claim("platform", p.platformId())
                .claim("deployment", p.deploymentId())
                .claim("placement", p.placementId().orElse(null))
                .claim("purpose", p.purpose().name())
                .claim("deep_linking", p.deepLinkingId().orElse(null))
                .claim("for_user", p.forUser().orElse(null))
                .claim("role", p.toolRole().name())
                .claim("lti_roles", p.ltiRoles())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign session token", e);
        }
        return jwt.serialize();
    }

    /** The principal of a valid, unexpired token; empty for anything else. */
    public Optional<SessionPrincipal> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
                    || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (c.getExpirationTime() == null || !now.isBefore(c.getExpirationTime().toInstant())
                    || c.getAudience() == null || !c.getAudience().contains(AUDIENCE)) {
                return Optional.empty();
            }
            ToolRole role = ToolRole.valueOf(c.getStringClaim("role"));
            if (role == ToolRole.NONE) {
                return Optional.empty();
            }
            List<String> ltiRoles = c.getStringListClaim("lti_roles");
            return Optional.of(new SessionPrincipal(c.getSubject(), c.getStringClaim("course"),
                    c.getLongClaim("platform"), c.getStringClaim("deployment"),
                    Optional.ofNullable(c.getStringClaim("placement")), SessionPrincipal.Purpose.valueOf(c.getStringClaim("purpose")),
                    Optional.ofNullable(c.getStringClaim("deep_linking")), Optional.ofNullable(c.getStringClaim("for_user")), role,
                    ltiRoles == null ? List.of() : ltiRoles, c.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
