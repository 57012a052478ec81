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
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.RegisteredPlatform;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates an LTI 1.3 id_token (the OIDC authentication response) against what the login step
 * recorded. Each check cites the rule it enforces; a failure names what was wrong, never echoes the token.
 */
public final class IdTokenValidator {
    /** Larger than any real launch (Canvas with many custom claims is ~10 KB), small enough to refuse abuse. */
    public static final int MAX_TOKEN_CHARS = 64 * 1024;
    /** Moodle's id_token lives 60 s (exp = iat + 60); clocks may differ by that much. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** Security Framework §5.1.3 (8): a token issued longer ago than this is refused even if exp says otherwise. */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final int MAX_ID_CHARS = 255;

    private final Clock clock;
    private final PlatformDirectory platforms;
    private final KeyResolver keys;
    private final NonceLedger nonces;
    private final ToolOrigin toolOrigin;

    /**
     * @param toolBaseUrl the tool's public URL; {@code target_link_uri} must point inside it
     */
    public IdTokenValidator(Clock clock, PlatformDirectory platforms, KeyResolver keys, NonceLedger nonces, URI toolBaseUrl) {
        this.clock = clock;
        this.platforms = platforms;
        this.keys = keys;
        this.nonces = nonces;
        this.toolOrigin = ToolOrigin.of(toolBaseUrl);
    }

    public LtiLaunch validate(String idToken, ExpectedLogin expected) throws LaunchRejected {
        SignedJWT jwt = parse(idToken);
        JWSHeader header = jwt.getHeader();
        // Security Framework §5.1.3 (6) and §5.4: RS256 only. Refuses alg=none, and HS256 "signed" with our or the platform's public key.
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw LaunchRejected.unauthorized("wrong_algorithm",
                    "The id_token is signed with " + header.getAlgorithm() + "; LTI 1.3 requires RS256 (Security Framework §5.4).");
        }
        // Security Framework §6.3: the platform names its key by kid in the JOSE header.
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw LaunchRejected.unauthorized("missing_kid", "The id_token header has no kid, so its signing key cannot be found (Security Framework §6.3).");
        }
        if (header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null) {
            // Keys come from the registered key set URL only, never from a URL or key inside the token.
            throw LaunchRejected.unauthorized("embedded_key", "The id_token header carries its own key or key URL; Calibrate only trusts the platform's registered key set.");
        }
        JWTClaimsSet claims = claims(jwt);

        // Security Framework §5.1.3 (2): iss is the platform's issuer identifier, and the one the login named.
        String iss = claims.getIssuer();
        if (iss == null || iss.isBlank()) {
            throw LaunchRejected.unauthorized("missing_iss", "The id_token has no iss claim (Security Framework §5.1.3 (2)).");
        }
        if (!iss.equals(expected.issuer().value())) {
            throw LaunchRejected.unauthorized("wrong_issuer", "The id_token's issuer is not the platform that started this login (Security Framework §5.1.3 (2)).");
        }
        // Security Framework §5.1.3 (3): aud must contain our client id.
        List<String> aud = claims.getAudience();
        String clientId = expected.clientId().value();
        if (aud == null || !aud.contains(clientId)) {
            throw LaunchRejected.unauthorized("wrong_audience", "The id_token's audience does not contain this tool's client id (Security Framework §5.1.3 (3)).");
        }
        // Security Framework §5.1.3 (4) and (5): several audiences need azp, and azp must be us.
        Object azp = claims.getClaim("azp");
        if (aud.size() > 1 && azp == null) {
            throw LaunchRejected.unauthorized("missing_azp", "The id_token has several audiences but no azp claim (Security Framework §5.1.3 (4)).");
        }
        if (azp != null && !clientId.equals(azp)) {
            throw LaunchRejected.unauthorized("wrong_azp", "The id_token's azp is not this tool's client id (Security Framework §5.1.3 (5)).");
        }
        RegisteredPlatform platform = platforms.find(new Issuer(iss), new ClientId(clientId))
                .orElseThrow(() -> LaunchRejected.unauthorized("unknown_platform",
                        "No platform is registered for this issuer and client id. An admin registers it in lti-config/platforms/."));
        if (!platform.enabled()) {
            throw LaunchRejected.forbidden("platform_disabled", "This platform's registration is disabled in Calibrate.");
        }
        // Security Framework §5.1.3 (1): verify the signature with the platform's key, found by kid in its registered key set.
        verifySignature(jwt, keys.key(platform, header.getKeyID()));

        Instant now = clock.instant();
        checkTimes(claims, now);
        // Security Framework §5.1.3 (9), OIDC Core §3.1.3.7 (11): the nonce is the one we sent with this login, used once.
        String nonce = stringClaim(claims, "nonce");
        if (nonce == null || nonce.isBlank()) {
            throw LaunchRejected.unauthorized("missing_nonce", "The id_token has no nonce (Security Framework §5.1.3 (9)).");
        }
        if (!nonce.equals(expected.nonce())) {
            throw LaunchRejected.unauthorized("wrong_nonce", "The id_token's nonce is not the one sent with this login (OIDC Core §3.1.3.7 (11)).");
        }
        if (!nonces.useOnce(iss + " " + nonce, claims.getExpirationTime().toInstant().plus(CLOCK_SKEW))) {
            throw LaunchRejected.unauthorized("nonce_replayed", "This id_token's nonce was already used: a launch can be used once only.");
        }
        return launch(claims, platform, expected);
    }

    private static SignedJWT parse(String idToken) throws LaunchRejected {
        if (idToken == null || idToken.isBlank()) {
            throw LaunchRejected.badRequest("missing_id_token", "The launch has no id_token (LTI Core §5.1.1: the platform posts id_token and state).");
        }
        if (idToken.length() > MAX_TOKEN_CHARS) {
            throw new LaunchRejected(413, "token_too_large", "The id_token is larger than " + MAX_TOKEN_CHARS + " characters.");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken.trim());
        } catch (ParseException | RuntimeException e) {
            throw LaunchRejected.badRequest("malformed_token", "The id_token is not a well-formed JWT.");
        }
        if (jwt instanceof PlainJWT) {
            throw LaunchRejected.unauthorized("unsigned_token", "The id_token is not signed (alg none); LTI 1.3 requires RS256 (Security Framework §5.4).");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            throw LaunchRejected.badRequest("unsupported_token", "The id_token is encrypted; LTI 1.3 id_tokens are signed JWS.");
        }
        return signed;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws LaunchRejected {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw LaunchRejected.badRequest("malformed_claims", "The id_token's payload is not a JSON claims object.");
        }
    }

    private static void verifySignature(SignedJWT jwt, JWK key) throws LaunchRejected {
        if (!(key instanceof RSAKey rsa)) {
            throw LaunchRejected.unauthorized("wrong_key_type", "The platform's key for this kid is not an RSA key.");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                throw LaunchRejected.unauthorized("bad_signature", "The id_token's signature does not verify with the platform's key (Security Framework §5.1.3 (1)).");
            }
        } catch (JOSEException e) {
            throw LaunchRejected.unauthorized("bad_signature", "The id_token's signature cannot be verified with the platform's key.");
        }
    }

    private static void checkTimes(JWTClaimsSet claims, Instant now) throws LaunchRejected {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        // Security Framework §5.1.3 (7): the current time must be before exp.
        if (exp == null) {
            throw LaunchRejected.unauthorized("missing_exp", "The id_token has no exp claim (Security Framework §5.1.3 (7)).");
        }
        if (now.isAfter(exp.toInstant().plus(CLOCK_SKEW))) {
            throw LaunchRejected.unauthorized("expired", "The id_token has expired. Launch again from the course.");
        }
        // Security Framework §5.1.3 (8): iat may be used to refuse tokens issued too far from now.
        if (iat == null) {
            throw LaunchRejected.unauthorized("missing_iat", "The id_token has no iat claim (OIDC Core §2).");
        }
        if (iat.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw LaunchRejected.unauthorized("issued_in_future", "The id_token is issued in the future; check the platform's clock.");
        }
        if (iat.toInstant().isBefore(now.minus(MAX_AGE))) {
            throw LaunchRejected.unauthorized("too_old", "The id_token was issued more than " + MAX_AGE.toMinutes() + " minutes ago. Launch again from the course.");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw LaunchRejected.unauthorized("not_yet_valid", "The id_token is not valid yet (nbf).");
        }
    }

    private LtiLaunch launch(JWTClaimsSet claims, RegisteredPlatform platform, ExpectedLogin expected) throws LaunchRejected {
        // LTI Core §5.3.2: version 1.3.0.
        String version = stringClaim(claims, LtiClaims.VERSION);
        if (!LtiClaims.VERSION_1_3_0.equals(version)) {
            throw LaunchRejected.badRequest("wrong_version", "The launch's LTI version is " + quoted(version) + "; Calibrate speaks LTI 1.3.0 (LTI Core §5.3.2).");
        }
        // LTI Core §5.3.1: the message type; this tool accepts resource link launches, deep linking requests
        // (Deep Linking 2.0 §4.4) and submission review (LTI Submission Review 1.0).
        String messageType = stringClaim(claims, LtiClaims.MESSAGE_TYPE);
        if (messageType == null) {
            throw LaunchRejected.badRequest("missing_message_type", "The launch has no message_type claim (LTI Core §5.3.1).");
        }
        if (!LtiClaims.ACCEPTED_MESSAGE_TYPES.contains(messageType)) {
            throw LaunchRejected.badRequest("unsupported_message_type", "Calibrate does not accept " + quoted(messageType) + " messages here.");
        }
        boolean deepLinking = LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
        // LTI Core §5.3.3: deployment_id, and it must be a deployment registered for this platform.
        String deployment = stringClaim(claims, LtiClaims.DEPLOYMENT_ID);
        if (deployment == null || deployment.isBlank() || deployment.length() > MAX_ID_CHARS) {
            throw LaunchRejected.badRequest("missing_deployment_id", "The launch has no valid deployment_id claim (LTI Core §5.3.3).");
        }
        DeploymentId deploymentId = new DeploymentId(deployment);
        if (!platform.hasDeployment(deploymentId)) {
            throw LaunchRejected.forbidden("unknown_deployment", "Deployment " + quoted(deployment) + " is not registered for this platform. An admin adds it to the platform's deployment_ids.");
        }
        // LTI Core §5.3.4: target_link_uri, which must be ours (no launching us towards somewhere else).
        String target = stringClaim(claims, LtiClaims.TARGET_LINK_URI);
        if (target == null) {
            throw LaunchRejected.badRequest("missing_target_link_uri", "The launch has no target_link_uri claim (LTI Core §5.3.4).");
        }
        if (!toolOrigin.contains(target)) {
            throw LaunchRejected.badRequest("foreign_target_link_uri", "The launch's target_link_uri does not point to this Calibrate server.");
        }
        // LTI Core §5.3.6: sub identifies the user; anonymous launches carry none, and Calibrate needs a person.
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank() || sub.length() > MAX_ID_CHARS) {
            throw LaunchRejected.badRequest("missing_sub", "The launch has no user (sub claim, LTI Core §5.3.6); Calibrate does not accept anonymous launches.");
        }
        // LTI Core §5.3.7: roles is required, an array (possibly empty).
        List<String> roles = stringList(claims, LtiClaims.ROLES);
        // LTI Core §5.3.5: resource_link with an id; a deep linking request has none, it is about to create one.
        Map<String, Object> link = objectClaim(claims, LtiClaims.RESOURCE_LINK);
        String linkId = link == null ? null : asString(link.get("id"));
        if (!deepLinking && (linkId == null || linkId.isBlank() || linkId.length() > MAX_ID_CHARS)) {
            throw LaunchRejected.badRequest("missing_resource_link", "The launch has no resource_link id (LTI Core §5.3.5).");
        }
        Optional<LtiLaunch.ResourceLink> resourceLink = deepLinking ? Optional.empty()
                : Optional.of(new LtiLaunch.ResourceLink(linkId, Optional.ofNullable(trimmed(asString(link.get("title")), 512))));
        Optional<LtiLaunch.DeepLinkingSettings> settings = deepLinking ? Optional.of(MessageClaims.deepLinking(claims)) : Optional.empty();
        // LTI Core §5.4.1: context is optional in LTI, but a round belongs to a course.
        Map<String, Object> context = objectClaim(claims, LtiClaims.CONTEXT);
        String contextId = context == null ? null : asString(context.get("id"));
        if (contextId == null || contextId.isBlank() || contextId.length() > MAX_ID_CHARS) {
            throw LaunchRejected.badRequest("missing_context", "Calibrate must be launched from within a course (the launch has no context claim, LTI Core §5.4.1).");
        }
        ToolRole toolRole = RoleMap.toolRole(roles);
        return new LtiLaunch(platform, deploymentId, messageType, sub,
                Optional.ofNullable(trimmed(stringClaim(claims, "name"), 255)),
                Optional.ofNullable(trimmed(stringClaim(claims, "email"), 320)),
                roles, toolRole,
                new LtiLaunch.Context(contextId, Optional.ofNullable(trimmed(asString(context.get("title")), 512)),
                        Optional.ofNullable(trimmed(asString(context.get("label")), 255))),
                resourceLink, target, custom(claims), MessageClaims.services(claims), settings,
                LtiClaims.SUBMISSION_REVIEW_REQUEST.equals(messageType) ? MessageClaims.forUser(claims, toolRole) : Optional.empty());
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws LaunchRejected {
        Object value = claims.getClaim(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw LaunchRejected.badRequest("malformed_claim", "The claim " + name + " must be a string.");
        }
        return s;
    }

    private static List<String> stringList(JWTClaimsSet claims, String name) throws LaunchRejected {
        Object value = claims.getClaim(name);
        if (!(value instanceof List<?> list)) {
            throw LaunchRejected.badRequest("missing_roles", "The launch has no roles array (LTI Core §5.3.7).");
        }
        List<String> result = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw LaunchRejected.badRequest("malformed_claim", "The roles claim must hold strings only (LTI Core §5.3.7).");
            }
            result.add(s);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectClaim(JWTClaimsSet claims, String name) throws LaunchRejected {
        Object value = claims.getClaim(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw LaunchRejected.badRequest("malformed_claim", "The claim " + name + " must be a JSON object.");
        }
        return (Map<String, Object>) map;
    }

    private static Map<String, String> custom(JWTClaimsSet claims) throws LaunchRejected {
        Map<String, Object> custom = objectClaim(claims, LtiClaims.CUSTOM);
        Map<String, String> result = new LinkedHashMap<>();
        if (custom != null) {
            custom.forEach((k, v) -> {
                if (v instanceof String s && result.size() < 50 && k.length() <= 100 && s.length() <= 1000) {
                    result.put(k, s);
                }
            });
        }
        return result;
    }

    private static String asString(Object value) {
        return value instanceof String s ? s : null;
    }

    private static String trimmed(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        String safe = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return "'" + safe + "'";
    }
}
