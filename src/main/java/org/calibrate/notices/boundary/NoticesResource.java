package org.calibrate.notices.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.notices.control.PlatformNotices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /lti/notices}: the notice handler Calibrate registers with a platform (LTI Platform Notification
 * Service 1.0). No session: each notice is a JWT the platform signed. 204 when every notice was taken; otherwise
 * 400 with each notice's outcome (the accepted ones of the batch are kept, a refused one would be refused again).
 */
@Path("notices")
@RequestScoped
public class NoticesResource {
    /** 200 notices of a few kilobytes each; a body larger than this is not a batch of notices. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    @Inject
    PlatformNotices notices;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return error(413, "too_large", "A batch of notices is at most " + MAX_BODY_BYTES / (1024 * 1024) + " MiB.");
        }
        List<PlatformNotices.Outcome> outcomes;
        try {
            outcomes = notices.receive(new String(body, StandardCharsets.UTF_8));
        } catch (PlatformNotices.Malformed m) {
            return error(400, "malformed_notices", m.getMessage());
        }
        if (outcomes.stream().allMatch(PlatformNotices.Outcome::accepted)) {
            return Response.noContent().build();
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (PlatformNotices.Outcome o : outcomes) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("index", o.index()).add("accepted", o.accepted());
            if (!o.accepted()) {
                b.add("error", o.code()).add("message", o.message());
            }
            list.add(b);
        }
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Json.createObjectBuilder().add("notices", list).build().toString()).build();
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build().toString()).build();
    }
}
