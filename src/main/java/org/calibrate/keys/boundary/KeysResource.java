package org.calibrate.keys.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.keys.control.ToolKeys;
import org.calibrate.keys.entity.ToolKey;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code /api/admin/keys}: the tool's keys for admins (public halves only) and rotation. */
@Path("admin/keys")
@RequestScoped
@Authenticated(ToolRole.ADMIN)
public class KeysResource {
    @Inject
    ToolKeys keys;
    @Inject
    CurrentSession session;

    public record KeyView(String kid, String created_at, boolean active, String retired_at, String published_until, boolean published) {
        static KeyView of(ToolKey k, Instant now) {
            return new KeyView(k.kid(), k.createdAt().toString(), k.active(),
                    k.retiredAt() == null ? null : k.retiredAt().toString(),
                    k.publishedUntil() == null ? null : k.publishedUntil().toString(), k.publishedAt(now));
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<KeyView> list() {
        Instant now = Clock.systemUTC().instant();
        return keys.all().stream().sorted(Comparator.comparing(ToolKey::createdAt).reversed())
                .map(k -> KeyView.of(k, now)).toList();
    }

    @POST
    @Path("rotation")
    @Produces(MediaType.APPLICATION_JSON)
    public KeyView rotate() {
        return KeyView.of(keys.rotate("user:" + session.principal().userId()), Clock.systemUTC().instant());
    }
}
