package org.calibrate.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The browser's side of a launch, over plain HTTP: posts the login initiation, keeps the state
 * cookie (by hand: java.net's cookie store never sends Secure cookies over http://127.0.0.1, which
 * browsers do), reads state and nonce from the authentication request, and posts the id_token.
 */
public final class LtiClient {
    private final String toolUrl;
    // HTTP/1.1 as browsers speak to a plain-HTTP server: no h2c upgrade, whose one shared connection the server
    // closes (GOAWAY) once a load driver's hundreds of threads exceed its concurrent streams.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A file the API serves, as bytes with its headers. */
    public HttpResponse<byte[]> getBytes(String path, String token) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(toolUrl + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public LtiClient(String toolUrl) {
        this.toolUrl = toolUrl;
    }

    /** The login's outcome: the redirect to the platform's auth endpoint and the cookie to send back. */
    public record Login(HttpResponse<String> response, Map<String, String> authRequest, String cookie) {
        public String state() {
            return authRequest.get("state");
        }

        public String nonce() {
            return authRequest.get("nonce");
        }
    }

    public Login login(Map<String, String> params) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/lti/login", params, null);
        String location = r.headers().firstValue("Location").orElse(null);
        Map<String, String> auth = location == null ? Map.of() : query(URI.create(location).getRawQuery());
        String cookie = r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        return new Login(r, auth, cookie);
    }

    public Login login(String issuer, String clientId) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", issuer);
        params.put("login_hint", "user-42");
        params.put("target_link_uri", toolUrl + "/lti/launch");
        params.put("lti_message_hint", "{\"launchid\":\"abc\"}");
        if (clientId != null) {
            params.put("client_id", clientId);
        }
        params.put("lti_deployment_id", TestPlatform.DEPLOYMENT_ID);
        return login(params);
    }

    public HttpResponse<String> launch(String idToken, String state, String cookie) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        if (idToken != null) {
            form.put("id_token", idToken);
        }
        if (state != null) {
            form.put("state", state);
        }
        return post("/lti/launch", form, cookie);
    }

    public HttpResponse<String> post(String path, Map<String, String> form, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(toolUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (cookie != null && !cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(toolUrl + path)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(toolUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String json, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(toolUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of raw bytes (an upload) with the given content type. */
    public HttpResponse<String> sendBytes(String path, byte[] body, String contentType, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(toolUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Exchanges the one-time code of a successful launch for the session token. */
    public String session(HttpResponse<String> launch) throws IOException, InterruptedException {
        String location = launch.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "launch did not redirect to the app: HTTP " + launch.statusCode() + " " + launch.body()));
        String code = location.substring(location.indexOf("#launch=") + "#launch=".length());
        HttpResponse<String> r = postJson("/api/session", "{\"code\":\"" + code + "\"}", null);
        if (r.statusCode() != 200) {
            throw new AssertionError("code exchange failed: " + r.statusCode() + " " + r.body());
        }
        String body = r.body();
        int i = body.indexOf("\"token\":\"") + 9;
        return body.substring(i, body.indexOf('"', i));
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    public static List<String> setCookies(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie");
    }
}
