package org.calibrate.keys.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.calibrate.keys.control.ToolKeys;

/** {@code GET /lti/jwks}: the tool's public keys, for platforms verifying our signed messages (Security Framework §6.3). */
@Path("jwks")
@RequestScoped
public class JwksResource {
    @Inject
    ToolKeys keys;

    @GET
    @Produces("application/json")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.publicKeys().toString(true)).cacheControl(cache).build();
    }
}
