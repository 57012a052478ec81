package org.calibrate.session.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.session.control.AppSessions;

/** {@code POST /api/session}: exchanges the one-time launch code for the session token. */
@Path("session")
@RequestScoped
public class SessionResource {
    @Inject
    AppSessions sessions;

    public record CodeExchange(String code) {
    }

    public record SessionToken(String token, String expires_at) {
    }

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response exchange(CodeExchange body) {
        return sessions.exchange(body == null ? null : body.code())
                .map(g -> Response.ok(new SessionToken(g.token(), g.expiresAt().toString())).header("Cache-Control", "no-store").build())
                .orElseGet(() -> ApiError.response(401, "invalid_code",
                        "This launch link is unknown, expired or already used. Launch Calibrate again from your course."));
    }
}
