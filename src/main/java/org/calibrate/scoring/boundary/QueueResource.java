package org.calibrate.scoring.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.scoring.control.Scoring;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.List;

/** {@code /api/rounds/{id}/queue}: the calling scorer's own queue, in their own random order, and the next piece to score. */
@Path("rounds/{id}/queue")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class QueueResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Scoring scoring;

    public record Item(String code, int position, String state) {
    }

    public record Queue(int allocated, long submitted, long drafts, List<Item> items) {
    }

    public record Next(String code) {
    }

    @GET
    public Queue queue(@PathParam("id") String id) {
        RoundAccess.Access a = access.scorer(id, access.caller(session.principal()));
        List<Item> items = scoring.queue(a).stream().map(e -> new Item(e.code().value(), e.position(), e.state())).toList();
        return new Queue(items.size(), items.stream().filter(i -> i.state().equals("submitted")).count(),
                items.stream().filter(i -> i.state().equals("draft")).count(), items);
    }

    @GET
    @Path("next")
    public Response next(@PathParam("id") String id) {
        RoundAccess.Access a = access.scorer(id, access.caller(session.principal()));
        return scoring.next(a).map(c -> Response.ok(new Next(c.value())).build()).orElseGet(() -> Response.noContent().build());
    }
}
