package org.calibrate.scoring.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.scoring.control.Progress;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.List;

/** {@code /api/rounds/alerts}: sensitive-content flags not yet acknowledged in rounds the caller moderates (polled by every page). */
@Path("rounds/alerts")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class AlertsResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Progress progress;

    public record AlertView(String round, String title, String flag, String code, String raised_at) {
    }

    public record Alerts(List<AlertView> alerts) {
    }

    @GET
    public Alerts alerts() {
        return new Alerts(progress.alerts(access.caller(session.principal())).stream()
                .map(a -> new AlertView(a.round().id(), a.round().title(), a.flag().id(), a.code(), a.flag().raisedAt().toString())).toList());
    }
}
