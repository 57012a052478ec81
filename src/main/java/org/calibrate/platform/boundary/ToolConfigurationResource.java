package org.calibrate.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.platform.control.PlatformFileReader;
import org.calibrate.registration.control.ToolRegistration;
import org.calibrate.runtime.Settings;
import org.calibrate.session.boundary.Authenticated;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /api/admin/tool-configuration}: what an admin pastes into an LMS to register Calibrate
 * by hand, and the Canvas developer key JSON, with this server's URLs filled in.
 */
@Path("admin/tool-configuration")
@RequestScoped
@Authenticated(ToolRole.ADMIN)
public class ToolConfigurationResource {
    @Inject
    Settings settings;

    public record ToolConfiguration(String registration_url, String login_url, List<String> redirect_uris,
                                    String target_link_uri, String deep_linking_url, String jwks_url, String domain,
                                    List<String> scopes, List<String> messages, JsonObject canvas_developer_key) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ToolConfiguration configuration() {
        String base = settings.publicUrl().toString();
        String launch = base + "/lti/launch";
        return new ToolConfiguration(base + "/lti/register", base + "/lti/login", List.of(launch), launch, launch,
                base + "/lti/jwks", settings.publicUrl().getAuthority(),
                java.util.stream.Stream.concat(ToolRegistration.SCOPES.stream(), ToolRegistration.ASSET_PROCESSOR_SCOPES.stream()).toList(),
                List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest", "LtiSubmissionReviewRequest"),
                template("canvas-developer-key.json", base));
    }

    private static JsonObject template(String name, String base) {
        try (InputStream in = ToolConfigurationResource.class.getResourceAsStream("/lti-templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(PlatformFileReader.PUBLIC_URL_PLACEHOLDER, base);
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException("template " + name + " cannot be read", e);
        }
    }
}
