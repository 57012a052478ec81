package org.calibrate.launch.control;

import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.RegisteredPlatform;
import org.calibrate.runtime.RandomTokens;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a third-party initiated login and builds the OIDC authentication request to the
 * platform's registered auth URL (Security Framework §5.1.1.2). Redirects go only to registered
 * URLs: nothing in the login parameters can send a browser elsewhere.
 */
public final class LoginInitiation {
    private static final int MAX_HINT_CHARS = 4096;
    /** The longest issuer, client id or deployment id the registrations can hold. */
    private static final int MAX_ID_CHARS = 255;

    private final PlatformDirectory platforms;
    private final ToolOrigin toolOrigin;
    private final URI redirectUri;

    public LoginInitiation(PlatformDirectory platforms, URI toolBaseUrl, URI redirectUri) {
        this.platforms = platforms;
        this.toolOrigin = ToolOrigin.of(toolBaseUrl);
        this.redirectUri = redirectUri;
    }

    /** The accepted login: the state to remember and the URL to send the browser to. */
    public record Accepted(LoginState state, URI authenticationRequest) {
    }

    public Accepted accept(LoginRequest login) throws LaunchRejected {
        // Security Framework §5.1.1.1: iss, login_hint and target_link_uri are required.
        if (blank(login.iss())) {
            throw LaunchRejected.badRequest("missing_iss", "The login request has no iss (Security Framework §5.1.1.1).");
        }
        if (blank(login.loginHint())) {
            throw LaunchRejected.badRequest("missing_login_hint", "The login request has no login_hint (Security Framework §5.1.1.1).");
        }
        if (blank(login.targetLinkUri())) {
            throw LaunchRejected.badRequest("missing_target_link_uri", "The login request has no target_link_uri (Security Framework §5.1.1.1).");
        }
        if (login.loginHint().length() > MAX_HINT_CHARS || login.ltiMessageHint().map(String::length).orElse(0) > MAX_HINT_CHARS
                || login.iss().length() > 510 || login.clientId().map(String::length).orElse(0) > MAX_ID_CHARS
                || login.deploymentId().map(String::length).orElse(0) > MAX_ID_CHARS
                || login.storageTarget().map(String::length).orElse(0) > MAX_ID_CHARS) {
            throw LaunchRejected.badRequest("oversized_parameter", "A login parameter is longer than the platform identifiers and hints LTI allows.");
        }
        // No identifier or hint holds a NUL; one would only reach the registry's lookup (and PostgreSQL refuses it there).
        if (java.util.stream.Stream.of(Optional.of(login.iss()), Optional.of(login.loginHint()), Optional.of(login.targetLinkUri()), login.ltiMessageHint(),
                login.clientId(), login.deploymentId(), login.storageTarget()).flatMap(Optional::stream).anyMatch(Text::hasNul)) {
            throw LaunchRejected.badRequest("malformed_parameter", "A login parameter holds a NUL character.");
        }
        RegisteredPlatform platform = platform(login);
        if (!platform.enabled()) {
            throw LaunchRejected.forbidden("platform_disabled", "This platform's registration is disabled in Calibrate.");
        }
        if (login.deploymentId().isPresent() && !platform.hasDeployment(new DeploymentId(login.deploymentId().get()))) {
            throw LaunchRejected.forbidden("unknown_deployment", "Deployment '" + abbreviated(login.deploymentId().get())
                    + "' is not registered for this platform. An admin adds it to the platform's deployment_ids.");
        }
        // LTI Core §5.1.1: target_link_uri is where the launch ends; it must be this tool, or login becomes an open redirect.
        if (!toolOrigin.contains(login.targetLinkUri())) {
            throw LaunchRejected.badRequest("foreign_target_link_uri", "The target_link_uri does not point to this Calibrate server.");
        }
        String state = random();
        String nonce = random();
        LoginState remembered = new LoginState(state,
                new ExpectedLogin(platform.issuer(), platform.clientId(), nonce, login.targetLinkUri()),
                random(), login.storageTarget(), Optional.of(originOf(platform.authLoginUrl())));
        return new Accepted(remembered, authenticationRequest(platform, login, state, nonce));
    }

    private RegisteredPlatform platform(LoginRequest login) throws LaunchRejected {
        Issuer issuer = new Issuer(login.iss());
        if (login.clientId().isPresent()) {
            return platforms.find(issuer, new ClientId(login.clientId().get()))
                    .orElseThrow(() -> LaunchRejected.badRequest("unknown_platform",
                            "No platform is registered for this issuer and client id. An admin registers it in lti-config/platforms/."));
        }
        List<RegisteredPlatform> candidates = platforms.byIssuer(issuer);
        if (candidates.isEmpty()) {
            throw LaunchRejected.badRequest("unknown_platform", "No platform is registered for this issuer. An admin registers it in lti-config/platforms/.");
        }
        if (candidates.size() > 1) {
            throw LaunchRejected.badRequest("client_id_required", "Several registrations share this issuer; the login request must name its client_id.");
        }
        return candidates.get(0);
    }

    /** Security Framework §5.1.1.2 / OIDC Core §3.1.2.1, with the LTI values. */
    private URI authenticationRequest(RegisteredPlatform platform, LoginRequest login, String state, String nonce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scope", "openid");
        params.put("response_type", "id_token");
        params.put("client_id", platform.clientId().value());
        params.put("redirect_uri", redirectUri.toString());
        params.put("login_hint", login.loginHint());
        params.put("state", state);
        params.put("response_mode", "form_post");
        params.put("nonce", nonce);
        params.put("prompt", "none");
        // Moodle's lti_message_hint is JSON and must come back byte-identical: plain percent-encoding, no templating.
        login.ltiMessageHint().ifPresent(hint -> params.put("lti_message_hint", hint));
        StringBuilder url = new StringBuilder(platform.authLoginUrl().toString());
        char separator = url.indexOf("?") >= 0 ? '&' : '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(separator).append(p.getKey()).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    static String originOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase();
        int port = uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase() + (port == -1 ? "" : ":" + port);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** 256 bits from a CSPRNG, URL-safe. */
    static String random() {
        return RandomTokens.urlSafe(32);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String abbreviated(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
