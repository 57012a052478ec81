package org.calibrate.platform.control;

import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.PlatformDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformFileReaderTest {
    private final PlatformFileReader reader = new PlatformFileReader("http://127.0.0.1:8080");

    private static String file(String issuer, String client, String login, String keys, String deployments) {
        StringBuilder b = new StringBuilder("{");
        if (issuer != null) b.append("\"issuer\": ").append(issuer).append(',');
        if (client != null) b.append("\"client_id\": ").append(client).append(',');
        if (login != null) b.append("\"auth_login_url\": ").append(login).append(',');
        if (keys != null) b.append("\"key_set_url\": ").append(keys).append(',');
        if (deployments != null) b.append("\"deployment_ids\": ").append(deployments).append(',');
        b.append("\"auth_token_url\": \"https://lms.example.org/token\"}");
        return b.toString();
    }

    private static String valid() {
        return file("\"https://lms.example.org\"", "\"abc\"", "\"https://lms.example.org/auth\"", "\"https://lms.example.org/jwks\"", "[\"1\", \"2\", \"1\"]");
    }

    private PlatformFileProblem onlyProblem(String content) {
        PlatformFileReader.Result r = reader.read("p.json", content);
        assertTrue(r.definition().isEmpty());
        assertEquals(1, r.problems().size(), r.problems()::toString);
        assertEquals("p.json", r.problems().get(0).file());
        return r.problems().get(0);
    }

    @Test
    void readsAValidFile() {
        PlatformDefinition d = reader.read("p.json", valid()).definition().orElseThrow();
        assertEquals("https://lms.example.org", d.issuer().value());
        assertEquals("abc", d.clientId().value());
        assertEquals(List.of(new DeploymentId("1"), new DeploymentId("2")), d.deploymentIds(), "duplicates collapsed");
        assertEquals("https://lms.example.org/token", d.authTokenUrl().orElseThrow().toString());
    }

    @Test
    void eachMissingRequiredFieldIsNamed() {
        assertEquals("issuer", onlyProblem(file(null, "\"abc\"", "\"https://l.example.org/a\"", "\"https://l.example.org/k\"", "[\"1\"]")).field());
        assertEquals("client_id", onlyProblem(file("\"https://l.example.org\"", null, "\"https://l.example.org/a\"", "\"https://l.example.org/k\"", "[\"1\"]")).field());
        assertEquals("auth_login_url", onlyProblem(file("\"https://l.example.org\"", "\"abc\"", null, "\"https://l.example.org/k\"", "[\"1\"]")).field());
        assertEquals("key_set_url", onlyProblem(file("\"https://l.example.org\"", "\"abc\"", "\"https://l.example.org/a\"", null, "[\"1\"]")).field());
        assertEquals("deployment_ids", onlyProblem(file("\"https://l.example.org\"", "\"abc\"", "\"https://l.example.org/a\"", "\"https://l.example.org/k\"", null)).field());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        PlatformFileReader.Result r = reader.read("p.json", file("42", null, "\"ftp://x\"", "\"https://l.example.org/k\"", "[]"));
        assertEquals(List.of("issuer", "client_id", "auth_login_url", "deployment_ids"),
                r.problems().stream().map(PlatformFileProblem::field).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"http://lms.example.org/auth\"", "\"/mod/lti/auth.php\"", "\"https://user:pw@lms.example.org/auth\"",
            "\"not a url\"", "\"\"", "17"})
    void badUrls(String url) {
        assertEquals("auth_login_url", onlyProblem(file("\"https://lms.example.org\"", "\"abc\"", url, "\"https://lms.example.org/jwks\"", "[\"1\"]")).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/auth", "http://localhost/auth"})
    void plainHttpOnlyOnLoopback(String url) {
        assertTrue(reader.read("p.json", file("\"https://lms.example.org\"", "\"abc\"", "\"" + url + "\"", "\"https://lms.example.org/jwks\"", "[\"1\"]"))
                .definition().isPresent());
    }

    @Test
    void issuerWithoutQueryOrFragment() {
        assertEquals("issuer", onlyProblem(file("\"https://lms.example.org/?x=1\"", "\"abc\"", "\"https://lms.example.org/a\"", "\"https://lms.example.org/k\"", "[\"1\"]")).field());
    }

    @Test
    void deploymentIdsMustBeStrings() {
        assertEquals("deployment_ids[1]", onlyProblem(file("\"https://lms.example.org\"", "\"abc\"", "\"https://lms.example.org/a\"", "\"https://lms.example.org/k\"", "[\"1\", 2]")).field());
        assertEquals("deployment_ids", onlyProblem(file("\"https://lms.example.org\"", "\"abc\"", "\"https://lms.example.org/a\"", "\"https://lms.example.org/k\"", "\"1\"")).field());
    }

    @Test
    void notJsonSaysWhere() {
        PlatformFileProblem p = onlyProblem("{\n  \"issuer\": ");
        assertEquals("-", p.field());
        assertTrue(p.message().contains("line"), p.message());
        assertTrue(p.toString().startsWith("p.json: "));
    }

    @Test
    void anArrayIsNotAnObject() {
        assertTrue(onlyProblem("[" + valid() + "]").message().contains("one JSON object"));
    }

    @Test
    void tooLarge() {
        assertTrue(onlyProblem(" ".repeat(PlatformFileReader.MAX_FILE_CHARS + 1)).message().contains("larger"));
    }

    @Test
    void publicUrlPlaceholderAndDemoFlag() {
        String demo = "{\"demo\": true, \"issuer\": \"${CALIBRATE_PUBLIC_URL}/demo\", \"client_id\": \"d\", "
                + "\"auth_login_url\": \"${CALIBRATE_PUBLIC_URL}/demo/api/auth\", \"key_set_url\": \"${CALIBRATE_PUBLIC_URL}/demo/api/jwks\", "
                + "\"deployment_ids\": [\"x\"]}";
        PlatformDefinition d = reader.read("demo.json", demo).definition().orElseThrow();
        assertEquals("http://127.0.0.1:8080/demo", d.issuer().value());
        assertTrue(d.demo());
        assertTrue(!reader.read("p.json", valid()).definition().orElseThrow().demo());
    }
}
