package org.calibrate.reports.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.reports.control.ReportCsv;
import org.calibrate.reports.control.ReportHtml;
import org.calibrate.reports.control.RoundReports;
import org.calibrate.rounds.control.RoundAccess;
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
public class ReportsResource {
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
        m.differences().forEach(d -> differences.add(Json.createObjectBuilder().add("criterion", m.criteria().getOrDefault(d.criterion(), d.criterion()))
                .add("pieces", d.pieces()).add("mean_difference", Math.round(d.meanDifference() * 1000) / 1000.0)));
        return Json.createObjectBuilder()
                .add("pieces", m.figures().pieces())
                .add("exact", ReportJson.of(m.figures().exact()))
                .add("adjacent", ReportJson.of(m.figures().adjacent()))
                .add("differences", differences)
                .add("calibration", Json.createObjectBuilder().add("attempted", m.calibration().attempted()).add("items", m.calibration().items())
                        .add("exact_share", m.calibration().exactShare()).add("qualified", m.calibration().qualified()))
                .build();
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
                .build();
    }
}
