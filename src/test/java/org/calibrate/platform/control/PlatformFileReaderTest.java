package org.calibrate.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.PlatformDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lti-config/platforms/*.json: a valid file, and every problem named by file and field. */
class PlatformFileReaderTest {
    private static final String FILE = "moodle.json";
    private final PlatformFileReader reader = new PlatformFileReader("https://calibrate.example.org");

    /** A Moodle 5.1 registration as an admin writes it. */
    private static JsonObjectBuilder moodle() {
        return Json.createObjectBuilder()
                .add("name", "School Moodle")
                .add("issuer", "https://lms.example.org")
                .add("client_id", "tool-123")
                .add("auth_login_url", "https://lms.example.org/mod/lti/auth.php")
                .add("auth_token_url", "https://lms.example.org/mod/lti/token.php")
                .add("key_set_url", "https://lms.example.org/mod/lti/certs.php")
                .add("deployment_ids", Json.createArrayBuilder().add("1"));
    }

    private PlatformFileReader.Result read(UnaryOperator<JsonObjectBuilder> tweak) {
        return read(tweak.apply(moodle()).build().toString());
    }

    private PlatformFileReader.Result read(String content) {
        PlatformFileReader.Result r = reader.read(FILE, content);
        r.problems().forEach(p -> assertEquals(FILE, p.file(), "every problem names the file: " + p));
        assertTrue(r.definition().isPresent() != !r.problems().isEmpty(), "a definition or problems, never both or neither");
        return r;
    }

    private PlatformDefinition definition(UnaryOperator<JsonObjectBuilder> tweak) {
        PlatformFileReader.Result r = read(tweak);
        assertEquals(List.of(), r.problems());
        return r.definition().orElseThrow();
    }

    private PlatformFileProblem onlyProblem(PlatformFileReader.Result r) {
        assertEquals(1, r.problems().size(), r.problems()::toString);
        return r.problems().get(0);
    }

    private PlatformFileProblem onlyProblem(UnaryOperator<JsonObjectBuilder> tweak) {
        return onlyProblem(read(tweak));
    }

    @Test
    @DisplayName("a valid Moodle file becomes a definition with every field")
    void validFile() {
        PlatformDefinition d = definition(b -> b);
        assertEquals("https://lms.example.org", d.issuer().value());
        assertEquals("tool-123", d.clientId().value());
        assertEquals(URI.create("https://lms.example.org/mod/lti/auth.php"), d.authLoginUrl());
        assertEquals(Optional.of(URI.create("https://lms.example.org/mod/lti/token.php")), d.authTokenUrl());
        assertEquals(URI.create("https://lms.example.org/mod/lti/certs.php"), d.keySetUrl());
        assertEquals(List.of(new DeploymentId("1")), d.deploymentIds());
        assertEquals(Optional.of("School Moodle"), d.name());
        assertFalse(d.demo());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"issuer", "client_id", "auth_login_url", "key_set_url", "deployment_ids"})
    @DisplayName("each missing required field is named")
    void missingRequiredField(String field) {
        PlatformFileProblem p = onlyProblem(b -> b.remove(field));
        assertEquals(field, p.field());
        assertTrue(p.message().contains("required"), p.message());
    }

    @Test
    @DisplayName("the optional fields may be left out")
    void optionalFields() {
        PlatformDefinition d = definition(b -> b.remove("auth_token_url").remove("name"));
        assertEquals(Optional.empty(), d.authTokenUrl());
        assertEquals(Optional.empty(), d.name());
    }

    @Test
    @DisplayName("Brightspace: the client assertion's audience may be named when it is not the token URL")
    void tokenAudience() {
        assertEquals(Optional.empty(), definition(b -> b).tokenAudience());
        assertEquals(Optional.of("https://api.brightspace.com/auth/token"),
                definition(b -> b.add("auth_token_audience", "https://api.brightspace.com/auth/token")).tokenAudience());
    }

    @Test
    @DisplayName("every problem in the file is reported at once")
    void severalProblemsAtOnce() {
        PlatformFileReader.Result r = read(b -> b.remove("client_id")
                .add("auth_login_url", "http://lms.example.org/mod/lti/auth.php")
                .add("key_set_url", "certs.php")
                .add("deployment_ids", JsonValue.EMPTY_JSON_ARRAY));
        assertEquals(Set.of("client_id", "auth_login_url", "key_set_url", "deployment_ids"),
                r.problems().stream().map(PlatformFileProblem::field).collect(Collectors.toSet()));
        assertEquals(4, r.problems().size(), r.problems()::toString);
    }

    @Test
    @DisplayName("fields of the wrong JSON type are named")
    void wrongTypes() {
        PlatformFileReader.Result r = read(b -> b.add("client_id", 123).add("issuer", true).add("name", Json.createArrayBuilder().add("x")));
        assertEquals(Set.of("client_id", "issuer", "name"), r.problems().stream().map(PlatformFileProblem::field).collect(Collectors.toSet()));
        r.problems().forEach(p -> assertTrue(p.message().contains("string"), p.toString()));
    }

    @Test
    @DisplayName("Security Framework §3: plain http on a non-loopback host is refused")
    void httpOnARealHost() {
        PlatformFileProblem p = onlyProblem(b -> b.add("key_set_url", "http://lms.example.org/mod/lti/certs.php"));
        assertEquals("key_set_url", p.field());
        assertTrue(p.message().contains("https"), p.message());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:9001/mod/lti/certs.php", "http://localhost:9001/mod/lti/certs.php"})
    @DisplayName("plain http is accepted on loopback, for development and tests on one machine")
    void httpOnLoopback(String url) {
        assertEquals(URI.create(url), definition(b -> b.add("key_set_url", url)).keySetUrl());
    }

    @Test
    @DisplayName("a relative URL is refused")
    void relativeUrl() {
        PlatformFileProblem p = onlyProblem(b -> b.add("auth_login_url", "/mod/lti/auth.php"));
        assertEquals("auth_login_url", p.field());
        assertTrue(p.message().contains("absolute"), p.message());
    }

    @Test
    @DisplayName("a URL with user credentials is refused, without repeating them")
    void urlWithUserInfo() {
        PlatformFileProblem p = onlyProblem(b -> b.add("auth_token_url", "https://admin:s3cret@lms.example.org/mod/lti/token.php"));
        assertEquals("auth_token_url", p.field());
        assertTrue(p.message().contains("credentials"), p.message());
        assertFalse(p.toString().contains("s3cret"), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://lms.example.org/?site=1", "https://lms.example.org/#top"})
    @DisplayName("Security Framework §5.1.2, OIDC Core §2: the issuer has no query or fragment")
    void issuerWithQueryOrFragment(String issuer) {
        PlatformFileProblem p = onlyProblem(b -> b.add("issuer", issuer));
        assertEquals("issuer", p.field());
    }

    @Test
    @DisplayName("an empty deployment_ids list is refused")
    void deploymentIdsEmpty() {
        assertEquals("deployment_ids", onlyProblem(b -> b.add("deployment_ids", JsonValue.EMPTY_JSON_ARRAY)).field());
    }

    @Test
    @DisplayName("deployment_ids must be a list")
    void deploymentIdsNotAList() {
        PlatformFileProblem p = onlyProblem(b -> b.add("deployment_ids", "1"));
        assertEquals("deployment_ids", p.field());
        assertTrue(p.message().contains("list"), p.message());
    }

    @Test
    @DisplayName("a non-string deployment id is named by its position")
    void deploymentIdsWithANumber() {
        assertEquals("deployment_ids[1]", onlyProblem(b -> b.add("deployment_ids", Json.createArrayBuilder().add("1").add(2))).field());
    }

    @Test
    @DisplayName("duplicate deployment ids are collapsed, keeping their order")
    void duplicateDeploymentIds() {
        PlatformDefinition d = definition(b -> b.add("deployment_ids", Json.createArrayBuilder().add("2").add("1").add("2")));
        assertEquals(List.of(new DeploymentId("2"), new DeploymentId("1")), d.deploymentIds());
    }

    @Test
    @DisplayName("a file that is not JSON says where it breaks")
    void notJson() {
        PlatformFileProblem p = onlyProblem(read("{\n  \"issuer\": \"https://lms.example.org\",\n  \"client_id\": tool-123\n}"));
        assertEquals("-", p.field());
        assertTrue(p.message().contains("line 3"), p.message());
        assertTrue(p.message().contains("column"), p.message());
        assertTrue(p.toString().startsWith(FILE + ": "), p.toString());
    }

    @Test
    @DisplayName("a JSON array is not a registration")
    void arrayInsteadOfObject() {
        PlatformFileProblem p = onlyProblem(read("[" + moodle().build() + "]"));
        assertEquals("-", p.field());
        assertTrue(p.message().contains("object"), p.message());
    }

    @Test
    @DisplayName("a file larger than 64 KiB is refused unread")
    void tooLarge() {
        String valid = moodle().build().toString();
        String padded = valid + " ".repeat(64 * 1024 + 1 - valid.length());
        PlatformFileProblem p = onlyProblem(read(padded));
        assertEquals("-", p.field());
        assertTrue(p.message().contains("larger"), p.message());
    }

    @Test
    @DisplayName("a valid file of exactly 64 KiB is read")
    void sizeLimitIsInclusive() {
        String valid = moodle().build().toString();
        assertTrue(read(valid + " ".repeat(64 * 1024 - valid.length())).definition().isPresent());
    }

    @Test
    @DisplayName("${CALIBRATE_PUBLIC_URL} is replaced by the tool's public URL, and demo: true is read")
    void demoFile() {
        PlatformDefinition d = definition(b -> b
                .add("demo", true)
                .add("issuer", "${CALIBRATE_PUBLIC_URL}/demo")
                .add("auth_login_url", "${CALIBRATE_PUBLIC_URL}/demo/api/auth")
                .add("key_set_url", "${CALIBRATE_PUBLIC_URL}/demo/api/jwks")
                .remove("auth_token_url"));
        assertEquals("https://calibrate.example.org/demo", d.issuer().value());
        assertEquals(URI.create("https://calibrate.example.org/demo/api/auth"), d.authLoginUrl());
        assertEquals(URI.create("https://calibrate.example.org/demo/api/jwks"), d.keySetUrl());
        assertTrue(d.demo());
    }

    @Test
    @DisplayName("problem texts name the file and the field")
    void problemText() {
        assertEquals("moodle.json: field 'client_id': is required", onlyProblem(b -> b.remove("client_id")).toString());
    }
}
