package org.calibrate.notices.control;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.calibrate.launch.control.KeyResolver;
import org.calibrate.launch.control.LaunchRejected;
import org.calibrate.launch.control.LtiClaims;
import org.calibrate.launch.control.PlatformDirectory;
import org.calibrate.launch.control.SignedMessages;
import org.calibrate.notices.entity.PlatformNotice;
import org.calibrate.notices.entity.SubmissionNotice;
import org.calibrate.platform.control.ServiceUrls;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.RegisteredPlatform;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Validates one notice JWT a platform posted to the notice handler (LTI Platform Notification Service 1.0,
 * and the Asset Processor's {@code LtiAssetProcessorSubmissionNotice}). The signature and the registration
 * are checked as for a launch (Security Framework §5.1.3); there is no login, so no nonce was sent: the
 * notice's own id makes a notice delivered twice harmless. A failure names what was wrong, never echoes the token.
 */
public final class NoticeValidator {
    /** Platforms retry a notice for a while and may batch; Canvas signs notices for an hour. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    /** A submission with more files than this is not a student's essay. */
    public static final int MAX_ASSETS = 50;
    private static final int MAX_ID_CHARS = 255;
    private static final String NOUN = "notice";
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String NOTICE = LTI + "notice";
    static final String FOR_USER = LTI + "for_user";
    static final String ACTIVITY = LTI + "activity";
    static final String SUBMISSION = LTI + "submission";
    static final String ASSET_SERVICE = LTI + "assetservice";
    /** Earlier drafts of the Asset Processor named these claims under lti-aip and lti-ap; platforms that shipped early still do. */
    static final String ACTIVITY_DRAFT = "https://purl.imsglobal.org/spec/lti-aip/claim/activity";
    static final String SUBMISSION_DRAFT = "https://purl.imsglobal.org/spec/lti-aip/claim/submission";
    static final String ASSET_SERVICE_DRAFT = "https://purl.imsglobal.org/spec/lti-ap/claim/assetservice";
    public static final String ASSET_READ_SCOPE = "https://purl.imsglobal.org/spec/lti/scope/asset.readonly";

    private final Clock clock;
    private final PlatformDirectory platforms;
    private final KeyResolver keys;

    public NoticeValidator(Clock clock, PlatformDirectory platforms, KeyResolver keys) {
        this.clock = clock;
        this.platforms = platforms;
        this.keys = keys;
    }

    public PlatformNotice validate(String token) throws LaunchRejected {
        SignedJWT jwt = SignedMessages.parse(token, NOUN);
        SignedMessages.checkHeader(jwt, NOUN);
        JWTClaimsSet claims = SignedMessages.claims(jwt, NOUN);
        // Security Framework §5.1.3 (2), (3): a registered platform's issuer, and our client id among the audiences.
        String iss = claims.getIssuer();
        if (iss == null || iss.isBlank() || org.calibrate.launch.control.Text.hasNul(iss)) {
            throw refused(401, "missing_iss", "The notice has no iss claim (Security Framework §5.1.3 (2)).");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.isEmpty()) {
            throw refused(401, "wrong_audience", "The notice has no aud claim (Security Framework §5.1.3 (3)).");
        }
        RegisteredPlatform platform = aud.stream().limit(10).filter(a -> a != null && !org.calibrate.launch.control.Text.hasNul(a))
                .map(a -> platforms.find(new Issuer(iss), new ClientId(a)))
                .flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> refused(401, "unknown_platform", "No platform is registered for this issuer and audience."));
        // Security Framework §5.1.3 (4) and (5).
        Object azp = claims.getClaim("azp");
        if (aud.size() > 1 && azp == null) {
            throw refused(401, "missing_azp", "The notice has several audiences but no azp claim (Security Framework §5.1.3 (4)).");
        }
        if (azp != null && !platform.clientId().value().equals(azp)) {
            throw refused(401, "wrong_azp", "The notice's azp is not this tool's client id (Security Framework §5.1.3 (5)).");
        }
        if (!platform.enabled()) {
            throw refused(403, "platform_disabled", "This platform's registration is disabled in Calibrate.");
        }
        SignedMessages.verify(jwt, keys.key(platform, jwt.getHeader().getKeyID()), NOUN);
        Instant now = clock.instant();
        SignedMessages.checkTimes(claims, now, MAX_AGE, NOUN, "The platform sends it again with a new signature.");
        // LTI Core §5.3.2: version 1.3.0.
        if (!LtiClaims.VERSION_1_3_0.equals(claims.getClaim(LtiClaims.VERSION))) {
            throw refused(400, "wrong_version", "The notice's LTI version is not 1.3.0 (LTI Core §5.3.2).");
        }
        // LTI Core §5.3.3: a deployment registered for this platform.
        String deployment = text(claims.getClaim(LtiClaims.DEPLOYMENT_ID), MAX_ID_CHARS)
                .orElseThrow(() -> refused(400, "missing_deployment_id", "The notice has no deployment_id claim (LTI Core §5.3.3)."));
        DeploymentId deploymentId = new DeploymentId(deployment);
        if (!platform.hasDeployment(deploymentId)) {
            throw refused(403, "unknown_deployment", "The notice's deployment is not registered for this platform.");
        }
        // Platform Notification Service §3: every notice has a notice claim with its id, type and timestamp.
        Map<String, Object> notice = object(claims.getClaim(NOTICE))
                .orElseThrow(() -> refused(400, "missing_notice", "The notice has no notice claim (id, type, timestamp)."));
        String id = text(notice.get("id"), MAX_ID_CHARS).orElseThrow(() -> refused(400, "missing_notice_id", "The notice claim has no id."));
        String type = text(notice.get("type"), 100).orElseThrow(() -> refused(400, "missing_notice_type", "The notice claim has no type."));
        Instant timestamp = instant(notice.get("timestamp")).orElse(claims.getIssueTime().toInstant());
        Optional<SubmissionNotice> submission = PlatformNotice.ASSET_PROCESSOR_SUBMISSION.equals(type)
                ? Optional.of(submission(claims)) : Optional.empty();
        return new PlatformNotice(platform, deploymentId, id, type, timestamp, submission);
    }

    /** Asset Processor §4 (submission notice): the course, the activity, the student and the assets. */
    private static SubmissionNotice submission(JWTClaimsSet claims) throws LaunchRejected {
        Map<String, Object> context = object(claims.getClaim(LtiClaims.CONTEXT))
                .orElseThrow(() -> refused(400, "missing_context", "The submission notice has no context claim: Calibrate needs the course."));
        String contextId = text(context.get("id"), MAX_ID_CHARS).orElseThrow(() -> refused(400, "missing_context", "The notice's context claim has no id."));
        Map<String, Object> activity = object(claims.getClaim(ACTIVITY)).or(() -> object(claims.getClaim(ACTIVITY_DRAFT)))
                .orElseThrow(() -> refused(400, "missing_activity", "The submission notice has no activity claim."));
        String activityId = text(activity.get("id"), MAX_ID_CHARS).or(() -> text(activity.get("activity_id"), MAX_ID_CHARS))
                .orElseThrow(() -> refused(400, "missing_activity", "The notice's activity claim has no id."));
        Map<String, Object> forUser = object(claims.getClaim(FOR_USER))
                .orElseThrow(() -> refused(400, "missing_for_user", "The submission notice has no for_user claim: whose work it is."));
        String userId = text(forUser.get("user_id"), MAX_ID_CHARS)
                .orElseThrow(() -> refused(400, "missing_for_user", "The notice's for_user claim has no user_id."));
        Map<String, Object> submission = object(claims.getClaim(SUBMISSION)).or(() -> object(claims.getClaim(SUBMISSION_DRAFT))).orElse(Map.of());
        Map<String, Object> service = object(claims.getClaim(ASSET_SERVICE)).or(() -> object(claims.getClaim(ASSET_SERVICE_DRAFT)))
                .orElseThrow(() -> refused(400, "missing_assetservice", "The submission notice has no assetservice claim: where its files are."));
        if (!(service.get("assets") instanceof List<?> list)) {
            throw refused(400, "missing_assets", "The notice's assetservice claim has no assets array.");
        }
        if (list.size() > MAX_ASSETS) {
            throw refused(400, "too_many_assets", "The notice lists " + list.size() + " files; Calibrate takes at most " + MAX_ASSETS + " per submission.");
        }
        List<SubmissionNotice.Asset> assets = new ArrayList<>();
        for (Object o : list) {
            assets.add(asset(o));
        }
        String scope = service.get("scope") instanceof List<?> scopes ? scopes.stream().filter(String.class::isInstance).map(String.class::cast)
                .filter(s -> s.endsWith("/asset.readonly")).findFirst().orElse(ASSET_READ_SCOPE) : ASSET_READ_SCOPE;
        return new SubmissionNotice(contextId, text(context.get("title"), 512), activityId, text(activity.get("title"), 512),
                text(submission.get("id"), MAX_ID_CHARS).or(() -> text(submission.get("submission_id"), MAX_ID_CHARS)),
                attempt(submission.get("attempt")), instant(submission.get("submitted_at")), userId, scope, assets);
    }

    private static SubmissionNotice.Asset asset(Object o) throws LaunchRejected {
        Map<String, Object> a = object(o).orElseThrow(() -> refused(400, "malformed_asset", "An asset in the notice is not a JSON object."));
        String assetId = text(a.get("asset_id"), MAX_ID_CHARS).orElseThrow(() -> refused(400, "malformed_asset", "An asset in the notice has no asset_id."));
        // Only HTTPS (or loopback) URLs without credentials: the tool's token goes with the request.
        URI url = ServiceUrls.parse(a.get("url")).orElseThrow(() -> refused(400, "malformed_asset",
                "An asset's url is missing or not an HTTPS URL Calibrate will send a token to."));
        OptionalLong size = a.get("size") instanceof Number n && n.longValue() >= 0 ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        Optional<String> sha256 = text(a.get("sha256_checksum"), 100);
        return new SubmissionNotice.Asset(assetId, url, text(a.get("title"), 255), text(a.get("filename"), 255), text(a.get("content_type"), 255),
                size, sha256);
    }

    private static LaunchRejected refused(int status, String code, String message) {
        return new LaunchRejected(status, code, message);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> object(Object value) {
        return value instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    /** A string claim as kept: none with a NUL (no identifier has one, and PostgreSQL cannot store it), other controls dropped. */
    private static Optional<String> text(Object value, int max) {
        if (!(value instanceof String s) || s.isBlank() || s.length() > max || org.calibrate.launch.control.Text.hasNul(s)) {
            return Optional.empty();
        }
        String clean = org.calibrate.launch.control.Text.withoutControl(s).strip();
        return clean.isEmpty() ? Optional.empty() : Optional.of(clean);
    }

    private static Optional<Integer> attempt(Object value) {
        try {
            int n = value instanceof Number num ? num.intValue() : value instanceof String s ? Integer.parseInt(s.strip()) : 0;
            return n >= 1 && n < 10_000 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(Object value) {
        if (!(value instanceof String s) || s.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(s.strip()));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(s.strip()).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
