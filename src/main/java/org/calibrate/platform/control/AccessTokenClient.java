package org.calibrate.platform.control;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.calibrate.keys.control.ToolJwts;
import org.calibrate.platform.entity.AccessToken;
import org.calibrate.platform.entity.ClientId;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Obtains service access tokens from a platform's token endpoint: OAuth 2 client credentials with a
 * signed JWT client assertion ({@code private_key_jwt}; 1EdTech Security Framework §4.1, RFC 7523).
 *
 * <p>Written for platforms that bend the rules: the assertion is timed for Moodle's zero leeway
 * ({@link ToolJwts}), and Moodle's JSON reply is labelled {@code text/html}, so the body is parsed
 * whatever the content type says.
 */
public final class AccessTokenClient {
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_REPLY_CHARS = 64 * 1024;

    private final HttpClient http;
    private final Clock clock;

    public AccessTokenClient(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    public AccessToken request(URI tokenUrl, ClientId clientId, Set<String> scopes, RSAKey signingKey) throws ServiceFailure {
        return request(tokenUrl, tokenUrl.toString(), clientId, scopes, signingKey);
    }

    /** @param audience the assertion's aud: the token URL, unless the platform names another (Brightspace) */
    public AccessToken request(URI tokenUrl, String audience, ClientId clientId, Set<String> scopes, RSAKey signingKey) throws ServiceFailure {
        String assertion = assertion(audience, clientId, signingKey);
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + encode(assertion)
                + "&scope=" + encode(String.join(" ", new TreeSet<>(scopes)));
        HttpResponse<String> reply;
        try {
            reply = http.send(HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceFailure(0, "the platform's token endpoint cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailure(0, "interrupted while asking the platform for an access token");
        }
        return parse(reply, scopes);
    }

    /** RFC 7523 §3: iss = sub = client id, aud = the token endpoint, a unique jti, short-lived. */
    String assertion(URI tokenUrl, ClientId clientId, RSAKey signingKey) {
        return assertion(tokenUrl.toString(), clientId, signingKey);
    }

    String assertion(String audience, ClientId clientId, RSAKey signingKey) {
        return ToolJwts.sign(new JWTClaimsSet.Builder()
                .issuer(clientId.value())
                .subject(clientId.value())
                .audience(audience)
                .jwtID(UUID.randomUUID().toString()), clock.instant(), ASSERTION_LIFETIME, signingKey);
    }

    private AccessToken parse(HttpResponse<String> reply, Set<String> requested) throws ServiceFailure {
        String body = reply.body() == null ? "" : reply.body();
        if (body.length() > MAX_REPLY_CHARS) {
            throw new ServiceFailure(502, "the platform's token endpoint answered with more than " + MAX_REPLY_CHARS / 1024 + " KB");
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            json = Map.of();
        }
        int status = reply.statusCode();
        if (status != 200) {
            String error = json.get("error") instanceof String s ? s : null;
            String description = json.get("error_description") instanceof String s ? ": " + s : "";
            throw new ServiceFailure(status, switch (status) {
                case 400 -> "the platform refused the token request (" + (error == null ? "HTTP 400" : error) + description
                        + "); check that the tool's services are enabled for this registration";
                case 401 -> "the platform did not accept the tool's client assertion (" + (error == null ? "HTTP 401" : error)
                        + description + "); check the client id and that the platform has the tool's JWKS URL";
                default -> "the platform's token endpoint answered HTTP " + status;
            });
        }
        if (!(json.get("access_token") instanceof String token) || token.isBlank()) {
            throw new ServiceFailure(502, "the platform's token endpoint answered without an access_token");
        }
        long expiresIn = json.get("expires_in") instanceof Number n ? n.longValue() : 3600;
        Set<String> granted = json.get("scope") instanceof String s && !s.isBlank()
                ? Arrays.stream(s.trim().split("\\s+")).collect(Collectors.toCollection(LinkedHashSet::new))
                : requested;
        return new AccessToken(token, granted, clock.instant().plusSeconds(Math.max(0, expiresIn)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
