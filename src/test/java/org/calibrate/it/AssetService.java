package org.calibrate.it;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform side of the LTI Asset Processor on a {@link TestPlatform}, as Canvas implements it: a token endpoint
 * (RFC 7523 client credentials), the Platform Notification Service's handler registration (PUT, noticehandlers
 * scope), the Asset Service (GET, asset.readonly scope; some files answered by a redirect to a storage host that
 * must not receive the token), and signed {@code LtiAssetProcessorSubmissionNotice}s posted to the tool's handler.
 */
final class AssetService {
    static final String NOTICE_HANDLERS = "https://purl.imsglobal.org/spec/lti/scope/noticehandlers";
    static final String ASSET_READ = "https://purl.imsglobal.org/spec/lti/scope/asset.readonly";

    private final TestPlatform platform;
    private final String toolUrl;
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Set<String> viaStorage = ConcurrentHashMap.newKeySet();
    final List<JsonObject> handlerRegistrations = new CopyOnWriteArrayList<>();
    final List<String> storageAuthorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger assetRequests = new AtomicInteger();
    volatile int pnsStatus = 200;
    volatile int assetStatus = 200;

    AssetService(TestPlatform platform, String toolUrl) {
        this.platform = platform;
        this.toolUrl = toolUrl;
        platform.handle("/token", this::token);
        platform.handle("/pns", this::noticeHandlers);
        platform.handle("/assets/", this::asset);
        platform.handle("/storage/", this::storage);
    }

    String noticeServiceUrl() {
        return platform.url() + "/pns/" + TestPlatform.DEPLOYMENT_ID;
    }

    /** The launch claim that tells the tool where to register its handler (Platform Notification Service §3.1). */
    Map<String, Object> noticeServiceClaim() {
        return Map.of("platform_notification_service_url", noticeServiceUrl(), "service_versions", List.of("1.0"),
                "scope", List.of(NOTICE_HANDLERS), "notice_types_supported", List.of("LtiHelloWorldNotice", "LtiAssetProcessorSubmissionNotice"));
    }

    /** A file the Asset Service holds; {@code viaRedirect}: answered by a redirect to the storage host. */
    Map<String, Object> file(String assetId, String filename, String contentType, byte[] content, boolean viaRedirect) {
        files.put(assetId, content);
        if (viaRedirect) {
            viaStorage.add(assetId);
        }
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("asset_id", assetId);
        asset.put("url", platform.url() + "/assets/" + assetId);
        asset.put("title", filename);
        asset.put("filename", filename);
        asset.put("content_type", contentType);
        asset.put("size", content.length);
        asset.put("sha256_checksum", sha256(content));
        asset.put("timestamp", Instant.now().toString());
        return asset;
    }

    /** A valid submission notice as Canvas signs it; tests change one thing at a time. */
    JWTClaimsSet.Builder submissionNotice(String noticeId, String userId, String activityId, int attempt, Instant at, List<Map<String, Object>> assets) {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer(platform.issuer()).audience(TestPlatform.CLIENT_ID).claim("azp", TestPlatform.CLIENT_ID)
                .issueTime(now).expirationTime(new Date(now.getTime() + 3_600_000)).claim("nonce", UUID.randomUUID().toString())
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", TestPlatform.DEPLOYMENT_ID)
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/notice", Map.of("id", noticeId, "timestamp", at.toString(),
                        "type", "LtiAssetProcessorSubmissionNotice"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "course-9", "title", "History 10"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/activity", Map.of("id", activityId, "title", "Activity " + activityId))
                .claim("https://purl.imsglobal.org/spec/lti/claim/for_user", Map.of("user_id", userId))
                .claim("https://purl.imsglobal.org/spec/lti/claim/submission", Map.of("id", "sub-" + userId + "-" + activityId, "attempt", attempt,
                        "submitted_at", at.toString()))
                .claim("https://purl.imsglobal.org/spec/lti/claim/assetservice", Map.of("scope", List.of(ASSET_READ), "assets", assets))
                .claim("https://purl.imsglobal.org/spec/lti/claim/assetreport", Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti/scope/report"),
                        "report_url", platform.url() + "/reports"));
    }

    String sign(JWTClaimsSet claims) {
        return TestPlatform.sign(claims, platform.key());
    }

    /** Posts a batch of notice JWTs to the handler the tool registered, as the platform does. */
    HttpResponse<String> deliver(List<String> jwts) throws Exception {
        String handler = handlerRegistrations.get(handlerRegistrations.size() - 1).getString("handler");
        JsonArrayBuilder notices = Json.createArrayBuilder();
        jwts.forEach(j -> notices.add(Json.createObjectBuilder().add("jwt", j)));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(handler)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("notices", notices).build().toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = LtiClient.query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!verifiedAssertion(form.get("client_assertion"))) {
            respond(ex, 401, "application/json", "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String token = "at-" + UUID.randomUUID();
        tokens.put(token, Set.of(form.getOrDefault("scope", "").split(" ")));
        respond(ex, 200, "application/json", ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\""
                + form.getOrDefault("scope", "") + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private boolean verifiedAssertion(String assertion) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            JWK jwk = JWKSet.load(new URL(toolUrl + "/lti/jwks")).getKeyByKeyId(jwt.getHeader().getKeyID());
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            return jwk instanceof RSAKey rsa && jwt.verify(new RSASSAVerifier(rsa)) && TestPlatform.CLIENT_ID.equals(c.getIssuer())
                    && c.getAudience().contains(platform.url() + "/token") && c.getExpirationTime().after(new Date());
        } catch (Exception e) {
            return false;
        }
    }

    private boolean grants(HttpExchange ex, String scope) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Set<String> granted = auth == null || !auth.startsWith("Bearer ") ? null : tokens.get(auth.substring(7));
        return granted != null && granted.contains(scope);
    }

    private void noticeHandlers(HttpExchange ex) throws IOException {
        if (!grants(ex, NOTICE_HANDLERS)) {
            respond(ex, 401, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (pnsStatus != 200) {
            respond(ex, pnsStatus, "application/json", "{\"error\":\"refused\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        JsonObject body = Json.createReader(new StringReader(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject();
        handlerRegistrations.add(body);
        respond(ex, 200, "application/json", Json.createObjectBuilder().add("client_id", TestPlatform.CLIENT_ID)
                .add("deployment_id", TestPlatform.DEPLOYMENT_ID).add("notice_handlers", Json.createArrayBuilder().add(body)).build().toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private void asset(HttpExchange ex) throws IOException {
        assetRequests.incrementAndGet();
        String id = ex.getRequestURI().getPath().substring("/assets/".length());
        if (!grants(ex, ASSET_READ)) {
            respond(ex, 401, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        } else if (assetStatus != 200) {
            respond(ex, assetStatus, "text/plain", "unavailable".getBytes(StandardCharsets.UTF_8));
        } else if (!files.containsKey(id)) {
            respond(ex, 404, "text/plain", "no such asset".getBytes(StandardCharsets.UTF_8));
        } else if (viaStorage.contains(id)) {
            ex.getResponseHeaders().set("Location", platform.url() + "/storage/" + id + "?signature=abc");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        } else {
            respond(ex, 200, "application/octet-stream", files.get(id));
        }
    }

    private void storage(HttpExchange ex) throws IOException {
        storageAuthorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        String id = ex.getRequestURI().getPath().substring("/storage/".length());
        respond(ex, 200, "application/octet-stream", files.getOrDefault(id, new byte[0]));
    }

    private static void respond(HttpExchange ex, int status, String type, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> list(String... jwts) {
        return new ArrayList<>(List.of(jwts));
    }
}
