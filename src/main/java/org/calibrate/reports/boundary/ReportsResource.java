package org.calibrate.reports.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.reports.control.ReportCsv;
import org.calibrate.reports.control.ReportHtml;
import org.calibrate.reports.control.RoundReports;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Round;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;
import org.calibrate.stats.boundary.ReportJson;

/**
 * {@code /api/rounds/{id}/report}: the round's reliability report for its moderators, once scoring has ended:
 * agreement figures, the many-facet Rasch tables and readings in plain language. Scorers by name, pieces by code.
 */
@Path("rounds/{id}/report")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ReportsResource {
    @Inject
    AuditLog audit;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    RoundReports reports;

    /** Every statistic as one CSV for spreadsheets (names defused against formula injection). */
    @GET
    @Path("csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        String body = ReportCsv.write(reports.of(a.round()));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"round-" + a.round().id() + "-report.csv\"").build();
    }

    /** The report as one self-contained HTML file to keep or print (no script, every name encoded). */
    @GET
    @Path("html")
    @Produces(MediaType.TEXT_HTML)
    public Response html(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        String body = ReportHtml.write(a.round().title(), reports.of(a.round()), java.time.Instant.now());
        return Response.ok(body, "text/html; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"round-" + a.round().id() + "-report.html\"").build();
    }

    /** A scorer's own figures once scoring ends: agreement with the other scorers of their pieces, never who those are. */
    @GET
    @Path("mine")
    public JsonObject mine(@PathParam("id") String id) {
        RoundAccess.Access a = access.scorer(id, access.caller(session.principal()));
        RoundReports.Mine m = reports.mine(a.round(), a.member());
        var differences = Json.createArrayBuilder();
        var shared = m.shared().map(s -> {
            var criteria = Json.createArrayBuilder();
            s.criteria().forEach(c -> criteria.add(Json.createObjectBuilder().add("criterion", m.criteria().getOrDefault(c.criterion(), c.criterion()))
                    .add("pieces", c.figures().pieces()).add("exact", ReportJson.of(c.figures().exact()))
                    .add("adjacent", ReportJson.of(c.figures().adjacent())).add("quadratic_kappa", ReportJson.of(c.figures().quadraticKappa()))));
            return Json.createObjectBuilder().add("pieces", s.round().pieces()).add("exact", ReportJson.of(s.round().exact()))
                    .add("adjacent", ReportJson.of(s.round().adjacent())).add("criteria", criteria).build();
        });
        m.differences().forEach(d -> differences.add(Json.createObjectBuilder().add("criterion", m.criteria().getOrDefault(d.criterion(), d.criterion()))
                .add("pieces", d.pieces()).add("mean_difference", Math.round(d.meanDifference() * 1000) / 1000.0)));
        return Json.createObjectBuilder()
                .add("pieces", m.figures().pieces())
                .add("exact", ReportJson.of(m.figures().exact()))
                .add("adjacent", ReportJson.of(m.figures().adjacent()))
                .add("differences", differences)
                .add("calibration", Json.createObjectBuilder().add("attempted", m.calibration().attempted()).add("items", m.calibration().items())
                        .add("exact_share", m.calibration().exactShare()).add("qualified", m.calibration().qualified()))
                .add("shared", shared.isPresent() ? shared.get() : JsonValue.NULL)
                .build();
    }

    public static class Sharing {
        public Long lock_version;
        public Boolean shared;
    }

    /** The moderator lets the round's scorers see the round's agreement figures beside their own (audited). */
    @PUT
    @Path("sharing")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject share(@PathParam("id") String id, Sharing body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.lock_version == null || body.shared == null) {
            throw ApiRefusal.invalid("Send the round's lock_version and shared: true or false.");
        }
        Round round = a.round();
        round.requireLockVersion(body.lock_version);
        round.reportShared(body.shared, java.time.Instant.now());
        em.flush();
        audit.record("member:" + a.member().id(), body.shared ? "report.shared" : "report.unshared", "round:" + round.id(),
                body.shared ? "scorers see the round's agreement figures" : "scorers see their own figures only");
        return Json.createObjectBuilder().add("shared", round.reportShared()).add("lock_version", round.lockVersion()).build();
    }

    @GET
    public JsonObject report(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        RoundReports.Report r = reports.of(a.round());
        // The statistics core's own JSON shape (the one the stats command writes), with the names beside it.
        return Json.createObjectBuilder((JsonObject) ReportJson.of(r.statistics()))
                .add("scorer_names", Json.createObjectBuilder(new java.util.LinkedHashMap<String, Object>(r.scorers())))
                .add("criterion_names", Json.createObjectBuilder(new java.util.LinkedHashMap<String, Object>(r.criteria())))
                .add("differences", ReportJson.of(r.differences()))
                .add("levels", ReportJson.of(r.levels()))
                .add("confusions", ReportJson.of(r.confusions()))
                .add("drift", ReportJson.of(r.drift()))
                .add("readings", Json.createArrayBuilder(r.readings()))
                .add("shared", a.round().reportShared())
                .add("lock_version", a.round().lockVersion())
                .build();
    }
}
