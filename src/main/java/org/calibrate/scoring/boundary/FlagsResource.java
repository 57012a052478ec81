package org.calibrate.scoring.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.scoring.control.Progress;
import org.calibrate.scoring.entity.PieceFlag;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.Map;

/** {@code /api/rounds/{id}/flags/{flag}/acknowledge}: a moderator has seen a flag (and the alert stops). */
@Path("rounds/{id}/flags")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class FlagsResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Progress progress;

    @POST
    @Path("{flag}/acknowledge")
    public ProgressResource.FlagView acknowledge(@PathParam("id") String id, @PathParam("flag") String flagId) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        PieceFlag f = progress.acknowledge(a, flagId);
        return ProgressResource.FlagView.of(f, Map.of(f.pieceId(), progress.codeOf(f)));
    }
}
