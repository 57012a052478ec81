package org.calibrate.keys.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.keys.control.DataKeyRotation;
import org.calibrate.keys.control.ResealRuns;
import org.calibrate.keys.control.SealedValues;
import org.calibrate.keys.entity.ResealRun;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.runtime.DataKey;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/admin/keys/data}: which data keys this node holds (by key id only), what each sealed store holds under
 * which key, and re-sealing everything under the current key.
 */
@Path("admin/keys/data")
@RequestScoped
@Authenticated(ToolRole.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DataKeysResource {
    @Inject
    DataKey key;
    @Inject
    SealedValues values;
    @Inject
    ResealRuns runs;
    @Inject
    DataKeyRotation rotation;
    @Inject
    CurrentSession session;

    public record StoreView(String store, String table, String column, long total, Map<String, Long> keys, long plain, long unreadable) {
        static StoreView of(SealedValues.Count c) {
            return new StoreView(c.store().key(), c.store().table(), c.store().column(), c.total(), c.keys(), c.plain(), c.unreadable());
        }
    }

    public record ResealView(String state, String kid, long done, long total, long resealed, long failed, long skipped, String started_by,
                             String started_at, String finished_at, String last_error) {
        static ResealView of(ResealRun r) {
            Instant now = Instant.now();
            String error = r.abandoned(now) ? "The re-sealing stopped when the node doing it went away; start it again." : r.lastError().orElse(null);
            return new ResealView(r.running(now) ? "running" : "idle", r.kid().orElse(null), r.done(), r.due(), r.resealed(), r.failed(),
                    r.skipped(), r.startedBy().orElse(null), r.startedAt().map(Instant::toString).orElse(null),
                    r.finishedAt().map(Instant::toString).orElse(null), error);
        }
    }

    public record DataKeyView(boolean available, String current_kid, List<String> previous_kids, List<StoreView> stores, ResealView reseal) {
    }

    @GET
    public DataKeyView get() {
        return new DataKeyView(key.available(), key.currentKid().orElse(null), key.previousKids(),
                values.census().stream().map(StoreView::of).toList(), ResealView.of(runs.current()));
    }

    /** 202: re-sealing runs in the background; 409 without a data key, or while it runs already. */
    @POST
    @Path("rotation")
    public Response rotate() {
        ResealRun run = runs.start("user:" + session.principal().userId());
        rotation.begin(run.runId());
        return Response.accepted(ResealView.of(run)).build();
    }
}
