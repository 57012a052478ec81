package org.calibrate.registration.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.calibrate.registration.entity.PlatformConfiguration;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The tool's client registration request (Dynamic Registration 1.0 §3.3, OIDC Dynamic Client
 * Registration) and the platform's reply (§3.6).
 */
public final class ToolRegistration {
    static final String LTI_TOOL = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    /** The services Calibrate uses: AGS for grade return, NRPS for the roster. */
    public static final List<String> SCOPES = List.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
    /** LTI Asset Processor: the notice handler and the files. Asked for only where the platform lists them: others refuse unknown scopes. */
    public static final List<String> ASSET_PROCESSOR_SCOPES = List.of(
            "https://purl.imsglobal.org/spec/lti/scope/noticehandlers",
            "https://purl.imsglobal.org/spec/lti/scope/asset.readonly");
    /** Asking for name and email is what makes Moodle share them (its privacy settings follow the request). */
    static final List<String> CLAIMS = List.of("iss", "sub", "name", "given_name", "family_name", "email");

    /** What the platform made of the registration. */
    public record Registered(String clientId, Optional<String> deploymentId, String scope) {
    }

    private ToolRegistration() {
    }

    /** @param base the tool's public URL */
    public static JsonObject request(URI base, PlatformConfiguration platform) {
        String launch = base + "/lti/launch";
        // Ask only for what the platform says it has: Moodle refuses a registration naming unknown scopes.
        String scope = String.join(" ", java.util.stream.Stream.concat(SCOPES.stream()
                        .filter(s -> platform.scopesSupported().isEmpty() || platform.scopesSupported().contains(s)),
                ASSET_PROCESSOR_SCOPES.stream().filter(platform.scopesSupported()::contains)).toList());
        JsonArrayBuilder messages = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest").add("target_link_uri", launch)
                        .add("label", "Calibrate"));
        if (platform.messagesSupported().isEmpty() || platform.messagesSupported().contains("LtiDeepLinkingRequest")) {
            messages.add(Json.createObjectBuilder().add("type", "LtiDeepLinkingRequest").add("target_link_uri", launch)
                    .add("label", "Calibrate moderation round"));
        }
        if (platform.messagesSupported().contains("LtiSubmissionReviewRequest")) {
            messages.add(Json.createObjectBuilder().add("type", "LtiSubmissionReviewRequest").add("target_link_uri", launch)
                    .add("label", "Calibrate scoring review"));
        }
        JsonArrayBuilder claims = Json.createArrayBuilder();
        CLAIMS.forEach(claims::add);
        JsonObjectBuilder tool = Json.createObjectBuilder()
                .add("domain", domain(base))
                .add("description", "Blind double scoring and moderation of student work")
                .add("target_link_uri", launch)
                .add("claims", claims)
                .add("messages", messages);
        return Json.createObjectBuilder()
                .add("application_type", "web")
                .add("response_types", Json.createArrayBuilder().add("id_token"))
                .add("grant_types", Json.createArrayBuilder().add("implicit").add("client_credentials"))
                .add("initiate_login_uri", base + "/lti/login")
                .add("redirect_uris", Json.createArrayBuilder().add(launch))
                .add("client_name", "Calibrate")
                .add("jwks_uri", base + "/lti/jwks")
                .add("logo_uri", base + "/static/calibrate-logo.svg")
                .add("token_endpoint_auth_method", "private_key_jwt")
                .add("scope", scope)
                .add(LTI_TOOL, tool)
                .build();
    }

    /** Moodle compares it with the host of target_link_uri, port included when the URL names one. */
    static String domain(URI base) {
        return base.getPort() == -1 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }

    /** §3.6: the platform answers with the client's registration, client_id first of all. */
    public static Registered reply(String body) throws RegistrationRefused {
        JsonObject json;
        try {
            JsonValue value = Json.createReader(new StringReader(body)).readValue();
            if (!(value instanceof JsonObject o)) {
                throw new RegistrationRefused("The platform's registration reply is not a JSON object.");
            }
            json = o;
        } catch (JsonException e) {
            throw new RegistrationRefused("The platform's registration reply is not valid JSON.");
        }
        String clientId = PlatformConfigurationReader.text(json, "client_id").filter(c -> c.length() <= 255)
                .orElseThrow(() -> new RegistrationRefused("The platform's registration reply has no client_id (Dynamic Registration §3.6)."));
        Optional<String> deployment = json.get(LTI_TOOL) instanceof JsonObject tool
                ? PlatformConfigurationReader.text(tool, "deployment_id").filter(d -> d.length() <= 255) : Optional.empty();
        return new Registered(clientId, deployment, PlatformConfigurationReader.text(json, "scope").orElse(""));
    }
}
