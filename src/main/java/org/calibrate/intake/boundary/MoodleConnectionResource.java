package org.calibrate.intake.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.intake.control.MoodleConnections;
import org.calibrate.intake.entity.MoodleConnection;
import org.calibrate.runtime.DataKey;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;
import org.calibrate.launch.entity.ToolRole;

/**
 * {@code /api/admin/platforms/{id}/moodle}: an admin sets the Moodle site and web-service token intake uses for a
 * platform. The token is write-only: it is sealed with the data key and never returned.
 */
@Path("admin/platforms/{id}/moodle")
@RequestScoped
@Authenticated(ToolRole.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MoodleConnectionResource {
    @Inject
    MoodleConnections connections;
    @Inject
    CurrentSession session;
    @Inject
    DataKey dataKey;

    public record ConnectionView(boolean configured, String site_url, boolean token_set, String updated_at, boolean data_key) {
    }

    public static class ConnectionBody {
        public String site_url;
        public String token;
    }

    @GET
    public ConnectionView get(@PathParam("id") long id) {
        return connections.of(id).map(this::view).orElse(new ConnectionView(false, null, false, null, dataKey.available()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectionView set(@PathParam("id") long id, ConnectionBody body) {
        if (body == null) {
            throw ApiRefusal.invalid("Send site_url and token.");
        }
        return view(connections.set(id, body.site_url, body.token, actor()));
    }

    @DELETE
    public Response remove(@PathParam("id") long id) {
        connections.remove(id, actor());
        return Response.noContent().build();
    }

    private ConnectionView view(MoodleConnection c) {
        return new ConnectionView(true, c.siteUrl(), true, c.updatedAt().toString(), dataKey.available());
    }

    private String actor() {
        return "user:" + session.principal().userId();
    }
}
