package org.calibrate.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the launch: valid logins followed by id_tokens broken in their structure, tokens with one claim
 * changed and signed again with the platform's key (so they reach the claim checks), garbage form fields
 * and header noise; also garbage login initiations. Every answer is a redirect into the app or a
 * Calibrate refusal (4xx, its error code, no stack trace) within {@link Fuzzing#ANSWER_BOUND}; nothing
 * that breaks the signature is ever accepted; a valid launch works afterwards and the server is healthy.
 * Seeded: {@code -Dfuzz.seed=}, {@code -Dfuzz.iterations=} (see docs/security.md).
 */
@ExtendWith(CalibrateServer.class)
class LaunchFuzzIT {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private static final String RAW = "@@raw@@";

    private static CalibrateServer.Running server;
    private static TestPlatform platform;
    private static LtiClient client;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void setUp() throws Exception {
        server = CalibrateServer.get();
        platform = server.platform();
        client = new LtiClient(server.url());
    }

    /** One request the fuzzer sends, and whether the tool must refuse it whatever else it does. */
    private record Attempt(String mutation, String path, String body, String contentType, Map<String, String> headers, boolean mustRefuse) {
    }

    /** A login's state, nonce and cookie, and the valid claims for it. */
    private record Valid(LtiClient.Login login, Map<String, Object> claims) {
        String state() {
            return login.state();
        }
    }

    @Test
    void launchesSurviveMutation() throws Exception {
        Fuzzing fuzz = Fuzzing.start("LaunchFuzzIT", 500);
        List<BiFunction<Random, Valid, Attempt>> mutators = List.of(
                LaunchFuzzIT::structural, LaunchFuzzIT::structural, LaunchFuzzIT::claim, LaunchFuzzIT::claim, LaunchFuzzIT::claim,
                LaunchFuzzIT::formFields, LaunchFuzzIT::login);
        int accepted = 0;
        int httpLayerRefusals = 0;
        for (int i = 0; i < fuzz.iterations; i++) {
            Random r = fuzz.random(i);
            LtiClient.Login login = politeLogin();
            if (login.response().statusCode() != 302) {
                fuzz.failure(i, "valid login", "HTTP " + login.response().statusCode() + " " + Fuzzing.excerpt(login.response().body()));
                continue;
            }
            Valid valid = new Valid(login, new LinkedHashMap<>(platform.launchClaims(login.nonce(), server.url(), INSTRUCTOR).build().toJSONObject()));
            Attempt a = mutators.get(r.nextInt(mutators.size())).apply(r, valid);
            Map<String, String> headers = new LinkedHashMap<>(a.headers());
            if (!a.headers().containsKey("Cookie") && login.cookie() != null) {
                headers.put("Cookie", login.cookie());
            }
            String mutation = a.mutation();
            if (r.nextInt(4) == 0) {
                Map<String, String> noise = headerNoise(r);
                headers.putAll(noise);
                mutation += " + header " + noise.keySet().iterator().next();
            }
            // Payara's HTTP layer refuses a malformed Accept header, or a request line or header block past 8 KiB, before the
            // application sees it: a plain 400 with its own short page and nothing of ours (see docs/security.md).
            boolean httpLayerMayRefuse = !mutation.equals(a.mutation()) || a.path().length() + headers.values().stream().mapToInt(String::length).sum() > 8_000;
            Instant start = Instant.now();
            HttpResponse<String> resp;
            try {
                resp = send(a.path(), a.body(), a.contentType(), headers);
            } catch (java.io.IOException | IllegalArgumentException e) {
                fuzz.failure(i, mutation, "no answer: " + e);
                continue;
            }
            Duration took = Duration.between(start, Instant.now());
            if (resp.statusCode() == 429) {
                // The per-address rate limit, shared with every test on this server: a refusal of ours; wait as it says.
                assertEquals("rate_limited", resp.headers().firstValue("X-Calibrate-Error").orElse(""), "a 429 is the rate limit's");
                Thread.sleep(1000L * Integer.parseInt(resp.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            fuzz.checkAnswer(i, mutation, resp, took);
            boolean intoTheApp = resp.statusCode() == 303 && resp.headers().firstValue("Location").orElse("").contains("#launch=");
            if (intoTheApp) {
                accepted++;
                if (a.mustRefuse()) {
                    fuzz.failure(i, mutation, "accepted a launch that must be refused");
                }
            } else if (resp.statusCode() >= 400 && resp.statusCode() < 500 && resp.headers().firstValue("X-Calibrate-Error").isEmpty()) {
                if (httpLayerMayRefuse && resp.statusCode() == 400 && (resp.body().isEmpty() || resp.body().contains("Error report"))) {
                    httpLayerRefusals++;
                } else {
                    fuzz.failure(i, mutation, "HTTP " + resp.statusCode() + " without Calibrate's error code: " + Fuzzing.excerpt(resp.body()));
                }
            }
        }
        System.out.println("LaunchFuzzIT: " + accepted + " of " + fuzz.iterations + " mutated launches were still valid and accepted, "
                + httpLayerRefusals + " refused by the HTTP layer before the application");

        HttpResponse<String> ok = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            LtiClient.Login login = politeLogin();
            ok = client.launch(TestPlatform.sign(platform.launchClaims(login.nonce(), server.url(), INSTRUCTOR).build(),
                    platform.key()), login.state(), login.cookie());
            if (ok.statusCode() != 429) {
                break;
            }
            Thread.sleep(1000L * Integer.parseInt(ok.headers().firstValue("Retry-After").orElse("1")));
        }
        assertEquals(303, ok.statusCode(), "a valid launch after the fuzzing: " + ok.body());
        assertTrue(client.session(ok).length() > 20, "and its session");
        assertEquals(200, client.get("/health", null).statusCode(), "the server is healthy");
        fuzz.assertNoFailures();
    }

    /** A valid login; past the per-address rate limit (a long run sends more than it refills) it waits as Retry-After says. */
    private static LtiClient.Login politeLogin() throws Exception {
        for (int attempt = 0; ; attempt++) {
            LtiClient.Login login = client.login(platform.issuer(), TestPlatform.CLIENT_ID);
            if (login.response().statusCode() != 429 || attempt == 20) {
                return login;
            }
            Thread.sleep(1000L * Integer.parseInt(login.response().headers().firstValue("Retry-After").orElse("1")));
        }
    }

    // ---- structural: the token itself broken; none of these may ever be accepted ----

    private static Attempt structural(Random r, Valid v) {
        String good = signRaw(json(v.claims()), rs256());
        String[] parts = good.split("\\.");
        String token;
        String name;
        boolean mustRefuse = true;
        switch (r.nextInt(16)) {
            case 0 -> { name = "truncated"; token = good.substring(0, r.nextInt(good.length())); }
            case 1 -> { name = "extra segment"; token = good + "." + parts[2].substring(0, 1 + r.nextInt(parts[2].length() - 1)); }
            case 2 -> { name = "two segments"; token = parts[0] + "." + parts[1]; }
            case 3 -> { name = "bad base64"; token = insertAt(good, r, List.of("!", "=", "+", "/", " ", "%", "\u00e9", "\u0000").get(r.nextInt(8))); }
            case 4 -> { name = "huge token"; token = good + "A".repeat(70_000 + r.nextInt(2_000_000)); }
            case 5 -> { name = "header not json"; token = b64("{\"alg\":\"RS256\",\"kid\":" + r.nextInt()) + "." + parts[1] + "." + parts[2]; }
            case 6 -> { name = "payload not json"; token = signRaw(List.of("", "null", "[]", "42", "\"s\"", "{\"iss\":", "{}}", "\u00ff\u00fe").get(r.nextInt(8)), rs256()); }
            case 7 -> { name = "deeply nested header"; token = b64("{\"alg\":\"RS256\",\"x\":" + "[".repeat(20_000 + r.nextInt(30_000)) + "]") + "." + parts[1] + "." + parts[2]; }
            case 8 -> { name = "alg none"; token = b64("{\"alg\":\"" + List.of("none", "None", "NONE", "nOnE").get(r.nextInt(4)) + "\",\"kid\":\"platform-key-1\"}") + "." + parts[1] + "." + (r.nextBoolean() ? "" : parts[2]); }
            case 9 -> { name = "wrong alg"; token = signOther(v.claims(), r); }
            case 10 -> { name = "kid unknown or odd"; token = signRaw(json(v.claims()), "{\"alg\":\"RS256\",\"kid\":" + List.of("\"no-such-key\"", "42", "null", "[\"platform-key-1\"]", "\"" + "k".repeat(10_000) + "\"", "\"\"").get(r.nextInt(6)) + "}"); }
            case 11 -> { name = "signature of another token"; token = parts[0] + "." + b64(json(withClaim(v.claims(), "sub", "someone-else"))) + "." + parts[2]; }
            case 12 -> {
                // crit naming what we do not understand (RFC 7515 §4.1.11) and keys named by the token itself are refused; x5u and zip are ignored.
                int which = r.nextInt(6);
                name = "header with crit or embedded keys";
                mustRefuse = which < 4;
                token = signRaw(json(v.claims()), "{\"alg\":\"RS256\",\"kid\":\"platform-key-1\"," + List.of("\"crit\":[\"exp\"]", "\"crit\":[\"x\"],\"x\":1",
                        "\"jku\":\"http://127.0.0.1:9/jwks\"", "\"jwk\":{\"kty\":\"RSA\"}", "\"x5u\":\"http://127.0.0.1:9/x\"", "\"zip\":\"DEF\"").get(which) + "}");
            }
            case 13 -> { name = "five segments (JWE shape)"; token = parts[0] + "." + parts[1] + ".." + parts[2] + "." + parts[1]; }
            case 14 -> { name = "random bytes"; token = new String(Fuzzing.randomBytes(r, 1 + r.nextInt(2000)), StandardCharsets.ISO_8859_1); }
            default -> { name = "token byte-mutated"; token = new String(Fuzzing.mutate(good.getBytes(StandardCharsets.US_ASCII), r), StandardCharsets.ISO_8859_1); }
        }
        // Base64url ignores the spare low bits of a segment's last character, so a change there can leave the very same signature.
        mustRefuse &= !sameSignedToken(token, good);
        return new Attempt("structural: " + name, "/lti/launch", form("id_token", token, "state", v.state()), FORM, Map.of(), mustRefuse);
    }

    // ---- claim-level: one claim changed, signed again with the platform's key ----

    private static final List<String> CLAIMS = List.of("iss", "aud", "sub", "exp", "iat", "nbf", "nonce", "azp", LTI + "deployment_id",
            LTI + "message_type", LTI + "version", LTI + "target_link_uri", LTI + "resource_link", LTI + "roles", LTI + "context",
            LTI + "custom", LTI + "launch_presentation", LTI + "lis", LTI + "for_user", LTI + "role_scope_mentor", "name", "email",
            "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings");

    /** Any change to these is another token's identity (Security Framework §5.1.3 (2), (3), (9)). */
    private static final java.util.Set<String> IDENTITY = java.util.Set.of("iss", "aud", "nonce");
    /** Without these no launch goes through (Security Framework §5.1.3; LTI Core §5.3, §5.4; Calibrate needs a user, roles and a course). */
    private static final java.util.Set<String> REQUIRED = java.util.Set.of("iss", "aud", "sub", "exp", "iat", "nonce", LTI + "deployment_id",
            LTI + "message_type", LTI + "version", LTI + "roles", LTI + "resource_link", LTI + "context");

    private static Attempt claim(Random r, Valid v) {
        Map<String, Object> claims = new LinkedHashMap<>(v.claims());
        String key = CLAIMS.get(r.nextInt(CLAIMS.size()));
        String raw = null;
        String name;
        long now = Instant.now().getEpochSecond();
        switch (r.nextInt(14)) {
            case 0 -> { name = "removed"; claims.remove(key); }
            case 1 -> { name = "wrong type"; claims.put(key, List.<Object>of(42L, true, Map.of(), List.of(), 1.5, Map.of("id", List.of(1))).get(r.nextInt(6))); }
            case 2 -> { name = "null"; raw = "null"; claims.put(key, RAW); }
            case 3 -> { name = "empty"; claims.put(key, List.of("", List.of(), Map.of()).get(r.nextInt(3))); }
            case 4 -> { name = "huge"; claims.put(key, "h".repeat(1_000 + r.nextInt(80_000))); }
            case 5 -> { name = "unicode and control characters"; claims.put(key, odd(r)); }
            case 6 -> { name = "array for a string"; claims.put(key, List.of(String.valueOf(claims.getOrDefault(key, "x")), "second")); }
            case 7 -> { name = "number out of range"; raw = List.of("1e400", "-1", "9223372036854775808", "-9223372036854775809", "1.0E-400", "0.5",
                    "123456789012345678901234567890").get(r.nextInt(7)); claims.put(key, RAW); }
            case 8 -> {
                key = List.of("exp", "iat", "nbf").get(r.nextInt(3));
                name = "odd time";
                raw = List.of("0", "-1", String.valueOf(Long.MAX_VALUE), String.valueOf(now + 10_000_000_000L), (now + 0.5) + "", "\"" + now + "\"",
                        "\"now\"", String.valueOf(now + 3600), String.valueOf(now - 3600), "[" + now + "]").get(r.nextInt(10));
                claims.put(key, RAW);
            }
            case 9 -> { key = LTI + "message_type"; name = "message type"; claims.put(key, List.of("LtiDeepLinkingRequest", "LtiSubmissionReviewRequest",
                    "ltiresourcelinkrequest", "LtiResourceLinkRequest ", "DataPrivacyLaunchRequest", odd(r)).get(r.nextInt(6))); }
            case 10 -> { key = LTI + "version"; name = "version"; raw = List.of("\"1.3\"", "\"1.3.0 \"", "\"1.3.0\\u0000\"", "1.3", "\"2.0.0\"", "\"\"").get(r.nextInt(6)); claims.put(key, RAW); }
            case 11 -> { key = LTI + "roles"; name = "roles garbage"; claims.put(key, roles(r)); }
            case 12 -> { key = LTI + "deployment_id"; name = "deployment"; claims.put(key, List.of("deployment-2", "not-registered", "deployment-1 ", "DEPLOYMENT-1",
                    "d".repeat(5000), odd(r)).get(r.nextInt(6))); }
            default -> { key = r.nextBoolean() ? LTI + "custom" : "https://example.org/claim/" + r.nextInt(100); name = "custom claim huge or deep";
                int depth = 500 + r.nextInt(30_000);
                raw = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(r.nextBoolean() ? depth : 0) : manyKeys(r); claims.put(key, RAW); }
        }
        String payload = json(claims);
        if (raw != null) {
            payload = payload.replace("\"" + RAW + "\"", raw);
        }
        String token = signRaw(payload, rs256());
        boolean changed = !java.util.Objects.equals(claims.get(key), v.claims().get(key)) || raw != null;
        boolean mustRefuse = changed && (IDENTITY.contains(key) || (!claims.containsKey(key) && REQUIRED.contains(key)));
        return new Attempt("claim " + key + ": " + name, "/lti/launch", form("id_token", token, "state", v.state()), FORM, Map.of(), mustRefuse);
    }

    // ---- the form around the token ----

    private static Attempt formFields(Random r, Valid v) {
        String token = signRaw(json(v.claims()), rs256());
        String body;
        String type = FORM;
        Map<String, String> headers = Map.of();
        String name;
        switch (r.nextInt(11)) {
            case 0 -> { name = "id_token missing"; body = form("state", v.state()); }
            case 1 -> { name = "state missing"; body = form("id_token", token); }
            case 2 -> { name = "id_token twice"; body = form("id_token", token, "state", v.state()) + "&" + form("id_token", r.nextBoolean() ? token : "x.y.z"); }
            case 3 -> { name = "state twice"; body = form("id_token", token, "state", v.state(), "state", r.nextBoolean() ? v.state() : odd(r)); }
            case 4 -> { name = "state garbage"; body = form("id_token", token, "state", List.of("", odd(r), "s".repeat(100_000), v.state() + "x").get(r.nextInt(4))); }
            case 5 -> { name = "broken percent-encoding"; body = "id_token=" + token + "%zz&state=%" + "&%=%%"; }
            case 6 -> { name = "not a form"; body = new String(Fuzzing.randomBytes(r, 1 + r.nextInt(5000)), StandardCharsets.ISO_8859_1); }
            case 7 -> { name = "content type"; body = form("id_token", token, "state", v.state());
                type = List.of("application/json", "text/plain", "multipart/form-data", "application/x-www-form-urlencoded; charset=bogus", "", "*/*").get(r.nextInt(6)); }
            case 8 -> { name = "many fields"; StringBuilder b = new StringBuilder(form("id_token", token, "state", v.state()));
                for (int i = 0, n = 100 + r.nextInt(5000); i < n; i++) { b.append("&f").append(i).append("=").append(i); } body = b.toString(); }
            case 9 -> { name = "cookie garbage"; body = form("id_token", token, "state", v.state());
                headers = Map.of("Cookie", List.of("=", ";;;", "lti_state=" + odd(r).replaceAll("[^\\x20-\\x7e]", ""), "c=" + "x".repeat(20_000), "\u00e9=\u00e9").get(r.nextInt(5))); }
            default -> { name = "GET with the form in the query"; return new Attempt("form: " + name, "/lti/launch?" + form("id_token", token, "state", v.state()), null, null, headers, false); }
        }
        return new Attempt("form: " + name, "/lti/launch", body, type, headers, false);
    }

    // ---- login initiation ----

    private static Attempt login(Random r, Valid v) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("iss", platform.issuer());
        p.put("login_hint", "user-42");
        p.put("target_link_uri", server.url() + "/lti/launch");
        p.put("lti_message_hint", "{\"launchid\":\"abc\"}");
        p.put("client_id", TestPlatform.CLIENT_ID);
        p.put("lti_deployment_id", TestPlatform.DEPLOYMENT_ID);
        List<String> keys = new ArrayList<>(p.keySet());
        keys.addAll(List.of("lti_storage_target", "redirect_uri", "prompt"));
        String key = keys.get(r.nextInt(keys.size()));
        String value = List.of("", odd(r), "v".repeat(1 + r.nextInt(20_000)), "https://evil.example.org/", "//evil.example.org", "{\"launchid\":",
                "javascript:alert(1)", "%00", "[]").get(r.nextInt(9));
        if (r.nextInt(5) == 0) {
            p.remove(key);
        } else {
            p.put(key, value);
        }
        if (r.nextBoolean()) {
            return new Attempt("login GET " + key, "/lti/login?" + form(p), null, null, Map.of(), false);
        }
        return new Attempt("login POST " + key, "/lti/login", form(p), FORM, Map.of(), false);
    }

    private static Map<String, String> headerNoise(Random r) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(List.of("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded", "Origin", "Referer", "Accept", "Accept-Language",
                "User-Agent", "X-Requested-With").get(r.nextInt(10)), List.of("", "::::", "evil.example.org", "for=\"[::1]\";proto=gopher", "*/*;q=abc",
                "x".repeat(6_000), "zz-ZZ;q=2, *;q=-1", "127.0.0.1, 10.0.0.1, " + "1.".repeat(500)).get(r.nextInt(8)));
        return h;
    }

    // ---- helpers ----

    private static final String FORM = "application/x-www-form-urlencoded";

    private static HttpResponse<String> send(String path, String body, String contentType, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            b.GET();
        } else {
            b.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
            if (!contentType.isEmpty()) {
                b.header("Content-Type", contentType);
            }
        }
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        StringBuilder dup = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (m.containsKey(kv[i])) {
                dup.append('&').append(form(Map.of(kv[i], kv[i + 1])));
            } else {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return form(m) + dup;
    }

    private static String form(Map<String, String> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, val) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(val, StandardCharsets.UTF_8)));
        return b.toString();
    }

    private static String json(Map<String, Object> claims) {
        return JSONObjectUtils.toJSONString(claims);
    }

    private static Map<String, Object> withClaim(Map<String, Object> claims, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(claims);
        m.put(key, value);
        return m;
    }

    private static String rs256() {
        return "{\"alg\":\"RS256\",\"kid\":\"" + platform.key().getKeyID() + "\",\"typ\":\"JWT\"}";
    }

    private static String b64(String s) {
        return Base64URL.encode(s.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Signs exactly this header and payload text with the platform's key (RS256), whatever the header says. */
    private static String signRaw(String payload, String header) {
        try {
            String input = b64(header) + "." + b64(payload);
            java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
            s.initSign(platform.key().toRSAPrivateKey());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64URL.encode(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signOther(Map<String, Object> claims, Random r) {
        try {
            JWSAlgorithm alg = List.of(JWSAlgorithm.HS256, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.RS384).get(r.nextInt(4));
            JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID(platform.key().getKeyID()).build(), new Payload(json(claims)));
            jws.sign(alg == JWSAlgorithm.HS256 ? new MACSigner(Fuzzing.randomBytes(r, 32)) : new RSASSASigner(platform.key()));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameSignedToken(String token, String good) {
        String[] t = token.split("\\.", -1);
        String[] g = good.split("\\.", -1);
        try {
            return t.length == 3 && t[0].equals(g[0]) && t[1].equals(g[1]) && java.util.Arrays.equals(new Base64URL(t[2]).decode(), new Base64URL(g[2]).decode());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String insertAt(String s, Random r, String what) {
        int at = r.nextInt(s.length());
        return s.substring(0, at) + what + s.substring(at);
    }

    /** Text that trips encoders and logs: controls, bidi overrides, a lone surrogate, markup, a NUL, line breaks. */
    private static String odd(Random r) {
        List<String> bits = List.of("\u0000", "\u202e", "\ud83d\ude00", "\ud800", "<script>alert(1)</script>", "\r\n", "\u0007", "'\"", "${jndi:ldap://x}",
                "\u00e9\u0301", "%s%n", "../../", "\ufeff", "\u2028");
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
            b.append(bits.get(r.nextInt(bits.size())));
        }
        return b.toString();
    }

    private static Object roles(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> List.of("");
            case 1 -> List.of("#", "membership#", "http://purl.imsglobal.org/vocab/lis/v2/membership#");
            case 2 -> java.util.Collections.nCopies(1 + r.nextInt(5_000), INSTRUCTOR);
            case 3 -> List.of(42, true);
            case 4 -> List.of(List.of(INSTRUCTOR));
            case 5 -> List.of(odd(r), INSTRUCTOR.toUpperCase());
            default -> List.of("Instructor", "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator" + odd(r));
        };
    }

    private static String manyKeys(Random r) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0, n = 10 + r.nextInt(3_000); i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append("v".repeat(r.nextInt(20))).append('"');
        }
        return b.append('}').toString();
    }
}
