package org.calibrate.launch.control;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.RegisteredPlatform;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        SignedJWT jwt = SignedMessages.parse(idToken, "id_token");
        SignedMessages.checkHeader(jwt, "id_token");
        JWTClaimsSet claims = SignedMessages.claims(jwt, "id_token");

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
        SignedMessages.verify(jwt, keys.key(platform, jwt.getHeader().getKeyID()), "id_token");

        Instant now = clock.instant();
        SignedMessages.checkTimes(claims, now, MAX_AGE, "id_token", "Launch again from the course.");
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
        if (Text.hasNul(sub)) {
            throw LaunchRejected.badRequest("malformed_claim", "The claim sub holds a NUL character.");
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
        // No identifier or name has a NUL in it, and PostgreSQL cannot store one.
        if (Text.hasNul(s)) {
            throw LaunchRejected.badRequest("malformed_claim", "The claim " + name + " holds a NUL character.");
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
            if (!(o instanceof String s) || Text.hasNul(s)) {
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
                if (v instanceof String s && result.size() < 50 && k.length() <= 100 && s.length() <= 1000 && !Text.hasNul(s) && !Text.hasNul(k)) {
                    result.put(k, s);
                }
            });
        }
        return result;
    }

    /** A string inside a claim object; one with a NUL counts as absent (no identifier has one). */
    private static String asString(Object value) {
        return value instanceof String s && !Text.hasNul(s) ? s : null;
    }

    private static String trimmed(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = Text.withoutControl(value).strip();
        return v.isEmpty() ? null : v.length() > max ? v.substring(0, max) : v;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        String clean = Text.withoutControl(value);
        String safe = clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
        return "'" + safe + "'";
    }
}
