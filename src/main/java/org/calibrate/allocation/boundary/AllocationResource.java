package org.calibrate.allocation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.allocation.control.Allocations;
import org.calibrate.rounds.boundary.RoundViews;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.Optional;

/** {@code /api/rounds/{id}/allocation}: run (or re-run) the allocation and read its summary. Moderators only. */
@Path("rounds/{id}/allocation")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class AllocationResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Allocations allocations;

    public static class Run {
        public Long lock_version;
        public String seed;
    }

    @GET
    public RoundViews.AllocationView summary(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return allocations.summary(a.round()).map(RoundViews.AllocationView::of)
                .orElseThrow(() -> new ApiRefusal(404, "not_allocated", "The pieces have not been allocated yet."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RoundViews.AllocationView run(@PathParam("id") String id, Run body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the round's lock_version.");
        }
        Optional<Long> seed;
        try {
            seed = body.seed == null || body.seed.isBlank() ? Optional.empty() : Optional.of(Long.valueOf(body.seed.strip()));
        } catch (NumberFormatException e) {
            throw ApiRefusal.invalid("The seed is a whole number.");
        }
        return RoundViews.AllocationView.of(allocations.run(a, body.lock_version, seed));
    }
}
