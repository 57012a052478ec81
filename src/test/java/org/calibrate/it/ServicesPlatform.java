package org.calibrate.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A faithful LMS for LTI Advantage tests, on loopback: dynamic registration behind a registration
 * token, a token endpoint that verifies the tool's client assertion against the tool's JWKS (fetched
 * over HTTP) with no leeway and a single-use jti, NRPS that pages with {@code Link: rel="next"},
 * and AGS with Moodle's habits ({@code ?type_id=}, typographic quotes in line-item paging, FullyGraded
 * and strictly newer timestamps). Switches make it fail the ways real platforms do. Fixture keys are
 * generated per run.
 */
public final class ServicesPlatform implements AutoCloseable {
    public static final String CLIENT_ID = "svc-client";
    public static final String DEPLOYMENT_ID = "svc-deployment";
    public static final String CONTEXT_ID = "svc-course";
    static final String TYPE_ID = "?type_id=7";

    private final HttpServer server;
    private final RSAKey key;
    private final String toolUrl;
    private final Set<String> registrationTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lineItems = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastTimestamp = new ConcurrentHashMap<>();
    /** Every score the gradebook accepted: "lineItem user score timestamp". */
    public final List<String> acceptedScores = new CopyOnWriteArrayList<>();
    public final List<JsonObject> registrations = new CopyOnWriteArrayList<>();
    public final AtomicInteger tokenRequests = new AtomicInteger();
    public final AtomicInteger scoreRequests = new AtomicInteger();

    public volatile String issuerOverride;
    public volatile int tokenStatus = 200;
    public volatile int nrpsStatus = 200;
    public volatile int members = 30;
    public volatile boolean agsDown;
    /** The next this-many score posts are answered 429 with Retry-After: 2. */
    public final AtomicInteger rateLimited = new AtomicInteger();

    public ServicesPlatform(String toolUrl) throws Exception {
        this.toolUrl = toolUrl;
        key = new RSAKeyGenerator(2048).keyID("svc-key").algorithm(JWSAlgorithm.RS256).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/jwks", ex -> respond(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString(true)));
        server.createContext("/openid-configuration", this::configuration);
        server.createContext("/register", this::register);
        server.createContext("/token", this::token);
        server.createContext("/nrps", this::memberships);
        server.createContext("/ags", this::ags);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuer() {
        return url();
    }

    public RSAKey key() {
        return key;
    }

    public String newRegistrationToken() {
        String token = "reg-" + System.nanoTime();
        registrationTokens.add(token);
        return token;
    }

    public String lineItemsUrl() {
        return url() + "/ags/" + CONTEXT_ID + "/lineitems" + TYPE_ID;
    }

    public String membershipsUrl() {
        return url() + "/nrps/" + CONTEXT_ID + "/memberships";
    }

    /** Scores accepted for one learner. */
    public long accepted(String userId) {
        return acceptedScores.stream().filter(s -> s.split(" ")[1].equals(userId)).count();
    }

    // ---- dynamic registration -----------------------------------------------------------------

    private boolean registrationTokenOk(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") && registrationTokens.contains(auth.substring(7));
    }

    private void configuration(HttpExchange ex) throws IOException {
        if (!registrationTokenOk(ex)) {
            respond(ex, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        JsonArrayBuilder scopes = Json.createArrayBuilder().add("openid")
                .add("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem").add("https://purl.imsglobal.org/spec/lti-ags/scope/score")
                .add("https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly")
                .add("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
        respond(ex, 200, "application/json", Json.createObjectBuilder()
                .add("issuer", issuerOverride != null ? issuerOverride : issuer())
                .add("authorization_endpoint", url() + "/auth").add("token_endpoint", url() + "/token")
                .add("jwks_uri", url() + "/jwks").add("registration_endpoint", url() + "/register")
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("private_key_jwt"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("scopes_supported", scopes)
                .add("https://purl.imsglobal.org/spec/lti-platform-configuration", Json.createObjectBuilder()
                        .add("product_family_code", "moodle").add("version", "5.1")
                        .add("messages_supported", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest"))
                                .add(Json.createObjectBuilder().add("type", "LtiDeepLinkingRequest"))))
                .build().toString());
    }

    private void register(HttpExchange ex) throws IOException {
        if (!registrationTokenOk(ex)) {
            respond(ex, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        JsonObject body = Json.createReader(new StringReader(read(ex))).readObject();
        registrations.add(body);
        respond(ex, 200, "application/json", Json.createObjectBuilder(body).add("client_id", CLIENT_ID)
                .add("https://purl.imsglobal.org/spec/lti-tool-configuration",
                        Json.createObjectBuilder(body.getJsonObject("https://purl.imsglobal.org/spec/lti-tool-configuration"))
                                .add("deployment_id", DEPLOYMENT_ID)).build().toString());
    }

    // ---- token endpoint -----------------------------------------------------------------------

    private void token(HttpExchange ex) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = LtiClient.query(read(ex));
        if (tokenStatus != 200) {
            respond(ex, tokenStatus, "text/html", tokenStatus == 401 ? "{\"error\":\"invalid_client\"}" : "server error");
            return;
        }
        if (!verifiedAssertion(form.get("client_assertion"))) {
            respond(ex, 401, "text/html", "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "at-" + System.nanoTime();
        accessTokens.add(token);
        // Moodle labels its JSON text/html.
        respond(ex, 200, "text/html", "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\""
                + form.getOrDefault("scope", "") + "\"}");
    }

    /** RFC 7523 §3 with Moodle's strictness: signature by a key in the tool's JWKS, aud, exp, iat not ahead, single-use jti. */
    private boolean verifiedAssertion(String assertion) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            JWKSet toolKeys = JWKSet.load(new URL(toolUrl + "/lti/jwks"));
            JWK jwk = toolKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(jwk instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return false;
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date now = new Date();
            return CLIENT_ID.equals(c.getIssuer()) && CLIENT_ID.equals(c.getSubject())
                    && c.getAudience().contains(url() + "/token")
                    && c.getExpirationTime() != null && c.getExpirationTime().after(now)
                    && c.getIssueTime() != null && !c.getIssueTime().after(now)
                    && c.getJWTID() != null && usedJtis.add(c.getJWTID());
        } catch (Exception e) {
            return false;
        }
    }

    private boolean bearerOk(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") && accessTokens.contains(auth.substring(7));
    }

    // ---- NRPS ---------------------------------------------------------------------------------

    private void memberships(HttpExchange ex) throws IOException {
        if (!bearerOk(ex)) {
            respond(ex, 401, "application/json", "{}");
            return;
        }
        if (nrpsStatus != 200) {
            respond(ex, nrpsStatus, "application/json", "{}");
            return;
        }
        Map<String, String> q = LtiClient.query(ex.getRequestURI().getRawQuery());
        int limit = Integer.parseInt(q.getOrDefault("limit", String.valueOf(members)));
        int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        JsonArrayBuilder list = Json.createArrayBuilder();
        int end = Math.min(members, offset + limit);
        for (int i = offset; i < end; i++) {
            boolean teacher = i < 3;
            list.add(Json.createObjectBuilder().add("status", "Active").add("user_id", "m-" + i)
                    .add("name", (teacher ? "Teacher " : "Learner ") + i).add("email", "m" + i + "@school.example.org")
                    .add("roles", Json.createArrayBuilder().add(teacher ? "Instructor" : "Learner")));
        }
        if (end < members) {
            ex.getResponseHeaders().add("Link", "<" + membershipsUrl() + "?limit=" + limit + "&offset=" + end + ">; rel=\"next\"");
        }
        respond(ex, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", Json.createObjectBuilder()
                .add("id", membershipsUrl()).add("context", Json.createObjectBuilder().add("id", CONTEXT_ID))
                .add("members", list).build().toString());
    }

    // ---- AGS ----------------------------------------------------------------------------------

    private void ags(HttpExchange ex) throws IOException {
        if (!bearerOk(ex)) {
            respond(ex, 401, "application/json", "{}");
            return;
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.endsWith("/lineitems") && method.equals("GET")) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            Map<String, String> q = LtiClient.query(ex.getRequestURI().getRawQuery());
            lineItems.forEach((id, json) -> {
                JsonObject o = Json.createReader(new StringReader(json)).readObject();
                if (q.get("resource_link_id") == null || q.get("resource_link_id").equals(o.getString("resourceLinkId", null))) {
                    items.add(o);
                }
            });
            respond(ex, 200, "application/vnd.ims.lis.v2.lineitemcontainer+json", items.build().toString());
        } else if (path.endsWith("/lineitems") && method.equals("POST")) {
            if (!"application/vnd.ims.lis.v2.lineitem+json".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
                respond(ex, 415, "application/json", "{}");
                return;
            }
            String id = "li-" + (lineItems.size() + 1);
            JsonObject in = Json.createReader(new StringReader(read(ex))).readObject();
            String json = Json.createObjectBuilder(in).add("id", url() + "/ags/" + CONTEXT_ID + "/lineitems/" + id + "/lineitem" + TYPE_ID).build().toString();
            lineItems.put(id, json);
            respond(ex, 201, "application/vnd.ims.lis.v2.lineitem+json", json);
        } else if (path.endsWith("/lineitem/scores") && method.equals("POST")) {
            score(ex, path);
        } else {
            respond(ex, 404, "application/json", "{}");
        }
    }

    private void score(HttpExchange ex, String path) throws IOException {
        scoreRequests.incrementAndGet();
        if (agsDown) {
            respond(ex, 503, "text/plain", "maintenance");
            return;
        }
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ex.getResponseHeaders().add("Retry-After", "2");
            respond(ex, 429, "text/plain", "slow down");
            return;
        }
        if (!"application/vnd.ims.lis.v1.score+json".equals(ex.getRequestHeaders().getFirst("Content-Type"))
                || !"type_id=7".equals(ex.getRequestURI().getRawQuery())) {
            respond(ex, 415, "application/json", "{}");
            return;
        }
        JsonObject s = Json.createReader(new StringReader(read(ex))).readObject();
        String lineItem = path.split("/")[4];
        String user = s.getString("userId");
        Instant ts = OffsetDateTime.parse(s.getString("timestamp")).toInstant();
        Instant last = lastTimestamp.get(lineItem + " " + user);
        if (last != null && ts.getEpochSecond() <= last.getEpochSecond()) {
            respond(ex, 409, "application/json", "{}");
            return;
        }
        if (!"FullyGraded".equals(s.getString("gradingProgress", ""))) {
            respond(ex, 200, "text/plain", "");
            return;
        }
        lastTimestamp.put(lineItem + " " + user, ts);
        acceptedScores.add(lineItem + " " + user + " " + s.getJsonNumber("scoreGiven") + " " + ts);
        respond(ex, 200, "text/plain", "");
    }

    /** A launch signed by this platform; {@code ags} and {@code nrps} claims included. */
    public JWTClaimsSet.Builder launchClaims(String nonce, String userId, String role, String linkId) {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID).subject(userId)
                .issueTime(now).expirationTime(new Date(now.getTime() + 60_000)).claim("nonce", nonce)
                .claim("name", "Person " + userId)
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT_ID)
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", toolUrl + "/lti/launch")
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", linkId, "title", "Essay round"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", CONTEXT_ID, "title", "English 10", "type", List.of("CourseSection")))
                .claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                        Map.of("context_memberships_url", membershipsUrl(), "service_versions", List.of("2.0")))
                .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of("lineitems", lineItemsUrl(),
                        "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score")));
    }

    private static String read(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
