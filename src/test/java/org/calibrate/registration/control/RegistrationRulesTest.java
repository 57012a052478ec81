package org.calibrate.registration.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.calibrate.registration.entity.PlatformConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dynamic Registration 1.0: the platform configuration checks, the request the tool sends, the reply it reads. */
class RegistrationRulesTest {
    private static final URI CONFIG = URI.create("https://moodle.school.example.org/mod/lti/openid-configuration.php");
    private static final URI TOOL = URI.create("https://calibrate.school.example.org");

    private static JsonObjectBuilder moodle() {
        String site = "https://moodle.school.example.org";
        return Json.createObjectBuilder()
                .add("issuer", site)
                .add("token_endpoint", site + "/mod/lti/token.php")
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("private_key_jwt"))
                .add("jwks_uri", site + "/mod/lti/certs.php")
                .add("authorization_endpoint", site + "/mod/lti/auth.php")
                .add("registration_endpoint", site + "/mod/lti/openid-registration.php")
                .add("scopes_supported", Json.createArrayBuilder().add("https://purl.imsglobal.org/spec/lti-ags/scope/score")
                        .add("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly").add("openid"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("https://purl.imsglobal.org/spec/lti-platform-configuration", Json.createObjectBuilder()
                        .add("product_family_code", "moodle").add("version", "5.1")
                        .add("messages_supported", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest"))
                                .add(Json.createObjectBuilder().add("type", "LtiDeepLinkingRequest"))));
    }

    private static PlatformConfiguration read(JsonObjectBuilder b) throws RegistrationRefused {
        return PlatformConfigurationReader.read(b.build().toString(), CONFIG);
    }

    @Test
    @DisplayName("§3.4: Moodle's configuration is read with its endpoints, scopes and messages")
    void moodleConfiguration() throws Exception {
        PlatformConfiguration c = read(moodle());
        assertEquals("https://moodle.school.example.org", c.issuer());
        assertEquals(URI.create("https://moodle.school.example.org/mod/lti/openid-registration.php"), c.registrationEndpoint());
        assertEquals(Optional.of("moodle"), c.productFamilyCode());
        assertEquals(List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"), c.messagesSupported());
    }

    @Test
    @DisplayName("§3.5.1: an issuer on another host than the configuration URL is refused")
    void issuerOnOtherHost() {
        RegistrationRefused e = assertThrows(RegistrationRefused.class, () -> read(moodle().add("issuer", "https://evil.example.org")));
        assertTrue(e.getMessage().contains("§3.5.1"));
    }

    @Test
    @DisplayName("§3.4: a configuration without a registration endpoint, or with a plain-HTTP one, is refused")
    void registrationEndpointRequired() {
        assertThrows(RegistrationRefused.class, () -> read(moodle().remove("registration_endpoint")));
        assertThrows(RegistrationRefused.class, () -> read(moodle().add("registration_endpoint", "http://moodle.school.example.org/reg")));
    }

    @Test
    @DisplayName("Security Framework: no private_key_jwt, or no RS256, cannot work with LTI")
    void cryptoRequirements() {
        assertThrows(RegistrationRefused.class, () -> read(moodle().add("token_endpoint_auth_methods_supported",
                Json.createArrayBuilder().add("client_secret_basic"))));
        assertThrows(RegistrationRefused.class, () -> read(moodle().add("id_token_signing_alg_values_supported",
                Json.createArrayBuilder().add("HS256"))));
    }

    @Test
    @DisplayName("a configuration that is not JSON is refused with a plain message")
    void notJson() {
        RegistrationRefused e = assertThrows(RegistrationRefused.class, () -> PlatformConfigurationReader.read("<html>", CONFIG));
        assertTrue(e.getMessage().contains("not valid JSON"));
    }

    @Test
    @DisplayName("§3.3: the request carries what Moodle requires and asks only for scopes the platform lists")
    void request() throws Exception {
        JsonObject r = ToolRegistration.request(TOOL, read(moodle()));
        assertEquals("https://calibrate.school.example.org/lti/login", r.getString("initiate_login_uri"));
        assertEquals("https://calibrate.school.example.org/lti/jwks", r.getString("jwks_uri"));
        assertEquals("private_key_jwt", r.getString("token_endpoint_auth_method"));
        assertEquals("id_token", r.getJsonArray("response_types").getString(0));
        assertEquals("https://calibrate.school.example.org/lti/launch", r.getJsonArray("redirect_uris").getString(0));
        assertEquals("https://purl.imsglobal.org/spec/lti-ags/scope/score https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
                r.getString("scope"));
        JsonObject tool = r.getJsonObject("https://purl.imsglobal.org/spec/lti-tool-configuration");
        assertEquals("calibrate.school.example.org", tool.getString("domain"));
        assertTrue(tool.getJsonArray("claims").toString().contains("\"email\""));
        assertTrue(tool.getJsonArray("messages").toString().contains("LtiDeepLinkingRequest"));
        assertFalse(tool.getJsonArray("messages").toString().contains("LtiSubmissionReviewRequest"), "not offered by this platform");
    }

    @Test
    @DisplayName("Moodle compares domain with the host of target_link_uri, port included")
    void domainWithPort() {
        assertEquals("127.0.0.1:8080", ToolRegistration.domain(URI.create("http://127.0.0.1:8080")));
    }

    @Test
    @DisplayName("§3.6: the reply gives client_id and, inside the tool configuration, the deployment")
    void reply() throws Exception {
        ToolRegistration.Registered r = ToolRegistration.reply("{\"client_id\":\"Xk2\",\"scope\":\"a b\","
                + "\"https://purl.imsglobal.org/spec/lti-tool-configuration\":{\"deployment_id\":\"14\"}}");
        assertEquals("Xk2", r.clientId());
        assertEquals(Optional.of("14"), r.deploymentId());
        assertEquals("a b", r.scope());
        assertEquals(Optional.empty(), ToolRegistration.reply("{\"client_id\":\"c\"}").deploymentId(), "Canvas names no deployment");
        assertThrows(RegistrationRefused.class, () -> ToolRegistration.reply("{\"error\":\"invalid_client_metadata\"}"));
    }
}
