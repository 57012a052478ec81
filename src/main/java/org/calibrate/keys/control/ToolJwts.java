package org.calibrate.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Signs the JWTs the tool sends platforms (client assertions, deep linking responses). Moodle checks
 * them with no leeway at all, so {@code iat} is back-dated a few seconds, there is no {@code nbf},
 * and the header names the key (Security Framework §5.1.2, §6.3).
 */
public final class ToolJwts {
    public static final Duration BACKDATE = Duration.ofSeconds(5);

    private ToolJwts() {
    }

    /** Sets iat (back-dated) and exp, and signs RS256 with the key's kid in the header. */
    public static String sign(JWTClaimsSet.Builder claims, Instant now, Duration lifetime, RSAKey key) {
        JWTClaimsSet timed = claims.issueTime(Date.from(now.minus(BACKDATE)))
                .expirationTime(Date.from(now.plus(lifetime))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), timed);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the tool key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }
}
