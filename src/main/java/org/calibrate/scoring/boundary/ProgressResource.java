package org.calibrate.scoring.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.calibration.boundary.CalibrationResource;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.scoring.control.Progress;
import org.calibrate.scoring.entity.PieceFlag;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/rounds/{id}/progress}: live progress and the flags queue for moderators. Counts and flags only: no levels, no identities of students.
 */
@Path("rounds/{id}/progress")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ProgressResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Progress progress;

    public record ScorerRow(String member, String name, boolean active, int allocated, int submitted, int drafts, String last_activity,
                            CalibrationResource.ResultView calibration) {
    }

    public record FlagView(String id, String code, String kind, String note, String suggested_condition, String raised_by,
                           String raised_at, boolean acknowledged, String acknowledged_at) {
        public static FlagView of(PieceFlag f, Map<String, String> codes) {
            String suggested = f.kind().startsWith(PieceFlag.CONDITION_PREFIX) ? f.kind().substring(PieceFlag.CONDITION_PREFIX.length()) : null;
            return new FlagView(f.id(), codes.get(f.pieceId()), suggested == null ? f.kind() : "condition", f.note().orElse(null), suggested,
                    f.memberId(), f.raisedAt().toString(), f.acknowledgedAt().isPresent(), f.acknowledgedAt().map(Object::toString).orElse(null));
        }
    }

    public record ProgressView(String phase, long pieces, int seats, int submitted, int drafts, long pieces_complete,
                               List<ScorerRow> scorers, List<FlagView> flags) {
    }

    @GET
    public ProgressView progress(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        Progress.Overview o = progress.of(a.round());
        return new ProgressView(a.round().phase().key(), o.pieces(), o.seats(), o.submitted(), o.drafts(), o.piecesComplete(),
                o.scorers().stream().map(s -> new ScorerRow(s.member().id(), s.member().name().orElse(null), s.member().active(),
                        s.allocated(), s.submitted(), s.drafts(), s.lastActivity().map(Object::toString).orElse(null),
                        CalibrationResource.ResultView.of(s.calibration()))).toList(),
                o.flags().stream().map(f -> FlagView.of(f, o.codes())).toList());
    }
}
