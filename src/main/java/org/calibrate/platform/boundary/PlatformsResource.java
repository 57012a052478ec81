package org.calibrate.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.calibrate.platform.control.PlatformFileReader;
import org.calibrate.platform.entity.Deployment;
import org.calibrate.platform.entity.PlatformDefinition;
import org.calibrate.runtime.Settings;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.CurrentSession;
import java.io.StringReader;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.launch.control.LaunchEvents;
import org.calibrate.launch.entity.LaunchEvent;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.platform.control.PlatformFileProblem;
import org.calibrate.platform.control.PlatformRegistry;
import org.calibrate.platform.entity.Platform;
import org.calibrate.platform.entity.RegisteredPlatform;
import org.calibrate.session.boundary.Authenticated;

import java.util.List;

/**
 * {@code /api/admin/platforms}: registrations, the platform files that failed to load and recent
 * launch outcomes; admins add, edit and switch registrations off and on.
 */
@Path("admin/platforms")
@RequestScoped
@Authenticated(ToolRole.ADMIN)
public class PlatformsResource {
    @Inject
    PlatformRegistry registry;
    @Inject
    LaunchEvents events;
    @Inject
    Settings settings;
    @Inject
    CurrentSession session;

    static final int MAX_BODY_CHARS = 16 * 1024;

    public record EventView(String outcome, String reason, String at) {
    }

    public record PlatformView(long id, String issuer, String client_id, String name, boolean enabled, String source,
                               String source_file, List<String> deployment_ids, String auth_login_url, String auth_token_url,
                               String key_set_url, String granted_scopes, String product_family, long version,
                               EventView last_launch, EventView last_error, List<EventView> recent_launches) {
    }

    /** An admin's switch; version is the one the admin saw. */
    public static class Switch {
        public Boolean enabled;
        public Long version;
    }

    public record Overview(List<PlatformView> platforms, List<PlatformFileProblem> file_problems) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Overview list() {
        List<PlatformView> platforms = registry.all().stream().map(this::view).toList();
        return new Overview(platforms, registry.problems());
    }

    /** Body: the fields of a platform file (issuer, client_id, auth_login_url, auth_token_url, key_set_url, deployment_ids, name). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        PlatformDefinition definition = definition(body);
        try {
            return Response.status(201).entity(view(registry.add(definition, actor()))).build();
        } catch (IllegalStateException e) {
            throw new ApiRefusal(409, "exists", e.getMessage());
        }
    }

    /** Body: as for adding, plus the {@code version} the admin saw. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PlatformView edit(@PathParam("id") long id, String body) {
        PlatformDefinition definition = definition(body);
        try {
            return view(registry.edit(id, version(body), definition, actor()));
        } catch (NoSuchElementException e) {
            throw ApiRefusal.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiRefusal(409, "not_editable", e.getMessage());
        }
    }

    @POST
    @Path("{id}/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PlatformView enable(@PathParam("id") long id, Switch body) {
        if (body == null || body.enabled == null || body.version == null) {
            throw ApiRefusal.invalid("Send enabled (true or false) and the version you saw.");
        }
        try {
            return view(registry.enable(id, body.version, body.enabled, actor()));
        } catch (NoSuchElementException e) {
            throw ApiRefusal.notFound(e.getMessage());
        }
    }

    private PlatformDefinition definition(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            throw ApiRefusal.invalid("Send the registration as a JSON object of at most " + MAX_BODY_CHARS / 1024 + " KB.");
        }
        PlatformFileReader.Result result = new PlatformFileReader(settings.publicUrl().toString()).read("form", body);
        if (result.definition().isEmpty()) {
            throw ApiRefusal.invalid(result.problems().stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        PlatformDefinition d = result.definition().get();
        // Only the platform file shipped with the server marks the demo LMS.
        return new PlatformDefinition(d.issuer(), d.clientId(), d.authLoginUrl(), d.authTokenUrl(), d.keySetUrl(),
                d.deploymentIds(), d.name(), false, d.tokenAudience());
    }

    private static long version(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            if (reader.readValue() instanceof JsonObject o && o.get("version") instanceof JsonNumber n) {
                return n.longValueExact();
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw ApiRefusal.invalid("Send the version of the registration you edited.");
    }

    private String actor() {
        return "user:" + session.principal().userId();
    }

    private PlatformView view(Platform p) {
        RegisteredPlatform r = p.view();
        List<LaunchEvent> latest = events.latest(r.id(), 50);
        return new PlatformView(r.id(), r.issuer().value(), r.clientId().value(), p.name().orElse(null), r.enabled(),
                p.source().name().toLowerCase(), p.sourceFile().orElse(null),
                p.deployments().stream().filter(Deployment::enabled).map(d -> d.deploymentId().value()).sorted().toList(),
                r.authLoginUrl().toString(), r.authTokenUrl().map(Object::toString).orElse(null), r.keySetUrl().toString(),
                p.grantedScopes().orElse(null), p.productFamily().orElse(null), p.version(),
                latest.stream().filter(e -> LaunchEvent.ACCEPTED.equals(e.outcome())).findFirst().map(this::event).orElse(null),
                latest.stream().filter(e -> !LaunchEvent.ACCEPTED.equals(e.outcome())).findFirst().map(this::event).orElse(null),
                latest.stream().limit(10).map(this::event).toList());
    }

    private EventView event(LaunchEvent e) {
        return new EventView(e.outcome(), e.reason(), e.occurredAt().toString());
    }
}
