package org.calibrate.exemplars.boundary;

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
import org.calibrate.exemplars.control.Exemplars;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/rounds/{id}/calibration/exemplars}: a new round on the same task starts from the library — the
 * exemplars kept for its rubric version, to add to its calibration set and anchors. Moderators only.
 */
@Path("rounds/{id}/calibration/exemplars")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class CalibrationExemplarsResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Exemplars exemplars;

    public record Offered(String id, String task, String piece_code, String criterion, int score_point, Map<String, Integer> levels,
                          String annotation, String excerpt) {
    }

    public record OfferedList(List<Offered> exemplars) {
    }

    public record AddedList(int added) {
    }

    public static class Choice {
        public List<String> exemplar_ids;
    }

    @GET
    public OfferedList offered(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        java.util.Map<String, org.calibrate.anonymise.control.LeakGuard> guards = new java.util.HashMap<>();
        return new OfferedList(exemplars.offered(a.round()).stream().map(e -> {
            String text = exemplars.shown(e, e.text().orElse(""), guards);
            return new Offered(e.id(), e.task(), e.pieceCode(), e.criterion().orElse(null), e.scorePoint(), e.levels(),
                    exemplars.shown(e, e.annotation(), guards), text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public AddedList add(@PathParam("id") String id, Choice body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.exemplar_ids == null) {
            throw ApiRefusal.invalid("Send exemplar_ids: the exemplars to add to the calibration set.");
        }
        return new AddedList(exemplars.toCalibration(a, body.exemplar_ids).size());
    }
}
