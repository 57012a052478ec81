package org.calibrate.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

/** {@code GET /api/admin/platforms}: registrations, the platform files that failed to load, and recent launch outcomes. */
@Path("admin/platforms")
@RequestScoped
@Authenticated(ToolRole.ADMIN)
public class PlatformsResource {
    @Inject
    PlatformRegistry registry;
    @Inject
    LaunchEvents events;

    public record EventView(String outcome, String reason, String at) {
    }

    public record PlatformView(long id, String issuer, String client_id, String name, boolean enabled, String source,
                               String source_file, List<String> deployment_ids, String key_set_url,
                               List<EventView> recent_launches) {
    }

    public record Overview(List<PlatformView> platforms, List<PlatformFileProblem> file_problems) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Overview list() {
        List<PlatformView> platforms = registry.all().stream().map(this::view).toList();
        return new Overview(platforms, registry.problems());
    }

    private PlatformView view(Platform p) {
        RegisteredPlatform r = p.view();
        return new PlatformView(r.id(), r.issuer().value(), r.clientId().value(), p.name().orElse(null), r.enabled(),
                p.source().name().toLowerCase(), p.sourceFile().orElse(null),
                r.deploymentIds().stream().map(Object::toString).sorted().toList(), r.keySetUrl().toString(),
                events.latest(r.id(), 10).stream().map(this::event).toList());
    }

    private EventView event(LaunchEvent e) {
        return new EventView(e.outcome(), e.reason(), e.occurredAt().toString());
    }
}
