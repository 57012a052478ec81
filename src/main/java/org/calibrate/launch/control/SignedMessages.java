package org.calibrate.launch.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * The checks every JWT a platform signs must pass, whatever it carries — a launch's id_token, a
 * platform notice: RS256 only, a kid, no key inside the token, the platform's signature, and its
 * times. {@code noun} names the message in what the platform's admin reads.
 */
public final class SignedMessages {
    private SignedMessages() {
    }

    public static SignedJWT parse(String token, String noun) throws LaunchRejected {
        if (token == null || token.isBlank()) {
            throw LaunchRejected.badRequest("missing_" + noun, "There is no " + noun + " (LTI Core §5.1.1: the platform sends a signed JWT).");
        }
        if (token.length() > IdTokenValidator.MAX_TOKEN_CHARS) {
            throw new LaunchRejected(413, "token_too_large", "The " + noun + " is larger than " + IdTokenValidator.MAX_TOKEN_CHARS + " characters.");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token.trim());
        } catch (ParseException | RuntimeException e) {
            throw LaunchRejected.badRequest("malformed_token", "The " + noun + " is not a well-formed JWT.");
        }
        if (jwt instanceof PlainJWT) {
            throw LaunchRejected.unauthorized("unsigned_token", "The " + noun + " is not signed (alg none); LTI 1.3 requires RS256 (Security Framework §5.4).");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            throw LaunchRejected.badRequest("unsupported_token", "The " + noun + " is encrypted; LTI 1.3 messages are signed JWS.");
        }
        return signed;
    }

    public static void checkHeader(SignedJWT jwt, String noun) throws LaunchRejected {
        JWSHeader header = jwt.getHeader();
        // Security Framework §5.1.3 (6) and §5.4: RS256 only. Refuses alg=none, and HS256 "signed" with our or the platform's public key.
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw LaunchRejected.unauthorized("wrong_algorithm",
                    "The " + noun + " is signed with " + header.getAlgorithm() + "; LTI 1.3 requires RS256 (Security Framework §5.4).");
        }
        // Security Framework §6.3: the platform names its key by kid in the JOSE header.
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw LaunchRejected.unauthorized("missing_kid", "The " + noun + " header has no kid, so its signing key cannot be found (Security Framework §6.3).");
        }
        if (header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null) {
            // Keys come from the registered key set URL only, never from a URL or key inside the token.
            throw LaunchRejected.unauthorized("embedded_key", "The " + noun + " header carries its own key or key URL; Calibrate only trusts the platform's registered key set.");
        }
    }

    public static JWTClaimsSet claims(SignedJWT jwt, String noun) throws LaunchRejected {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw LaunchRejected.badRequest("malformed_claims", "The " + noun + "'s payload is not a JSON claims object.");
        }
    }

    /** Security Framework §5.1.3 (1): the signature verifies with the platform's key, found by kid in its registered key set. */
    public static void verify(SignedJWT jwt, JWK key, String noun) throws LaunchRejected {
        if (!(key instanceof RSAKey rsa)) {
            throw LaunchRejected.unauthorized("wrong_key_type", "The platform's key for this kid is not an RSA key.");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                throw LaunchRejected.unauthorized("bad_signature", "The " + noun + "'s signature does not verify with the platform's key (Security Framework §5.1.3 (1)).");
            }
        } catch (JOSEException e) {
            throw LaunchRejected.unauthorized("bad_signature", "The " + noun + "'s signature cannot be verified with the platform's key.");
        }
    }

    public static void checkTimes(JWTClaimsSet claims, Instant now, java.time.Duration maxAge, String noun, String again) throws LaunchRejected {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        // Security Framework §5.1.3 (7): the current time must be before exp.
        if (exp == null) {
            throw LaunchRejected.unauthorized("missing_exp", "The " + noun + " has no exp claim (Security Framework §5.1.3 (7)).");
        }
        if (now.isAfter(exp.toInstant().plus(IdTokenValidator.CLOCK_SKEW))) {
            throw LaunchRejected.unauthorized("expired", "The " + noun + " has expired. " + again);
        }
        // Security Framework §5.1.3 (8): iat may be used to refuse tokens issued too far from now.
        if (iat == null) {
            throw LaunchRejected.unauthorized("missing_iat", "The " + noun + " has no iat claim (OIDC Core §2).");
        }
        if (iat.toInstant().isAfter(now.plus(IdTokenValidator.CLOCK_SKEW))) {
            throw LaunchRejected.unauthorized("issued_in_future", "The " + noun + " is issued in the future; check the platform's clock.");
        }
        if (iat.toInstant().isBefore(now.minus(maxAge))) {
            throw LaunchRejected.unauthorized("too_old", "The " + noun + " was issued more than " + maxAge.toMinutes() + " minutes ago. " + again);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(IdTokenValidator.CLOCK_SKEW))) {
            throw LaunchRejected.unauthorized("not_yet_valid", "The " + noun + " is not valid yet (nbf).");
        }
    }
}
