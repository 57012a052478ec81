package org.calibrate.moderation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.moderation.control.ChartCsv;
import org.calibrate.moderation.control.ChartXlsx;
import org.calibrate.moderation.control.ScoringChart;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /api/rounds/{id}/chart}: the scoring chart for the round's moderators once scoring ends, as JSON, CSV and XLSX. */
@Path("rounds/{id}/chart")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ChartResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    ScoringChart chart;

    public record CellView(String scorer, Map<String, Integer> levels, Integer total, String condition_code) {
    }

    /** spread is null where a blank meets a scored response (no difference in levels to give). */
    public record RowView(String code, String status, Integer spread, List<CellView> scores) {
    }

    public record ChartView(Map<String, String> criteria, Map<String, String> scorers, List<RowView> pieces) {
    }

    @GET
    public ChartView get(@PathParam("id") String id) {
        ScoringChart.Chart c = chart.of(access.moderator(id, access.caller(session.principal())).round());
        return new ChartView(c.criteria(), c.scorers(), c.rows().stream().map(r -> new RowView(r.code(), r.status().name().toLowerCase(Locale.ROOT),
                ModerationViews.spread(r.spread()),
                r.cells().stream().map(x -> new CellView(x.scorer(), x.levels(), x.total(), x.conditionCode())).toList())).toList());
    }

    @GET
    @Path("csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return Response.ok(ChartCsv.write(chart.of(a.round())), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"round-" + a.round().id() + "-scoring-chart.csv\"").build();
    }

    @GET
    @Path("xlsx")
    @Produces(XLSX)
    public Response xlsx(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        return Response.ok(ChartXlsx.write(chart.of(a.round()), a.round().title()), XLSX)
                .header("Content-Disposition", "attachment; filename=\"round-" + a.round().id() + "-scoring-chart.xlsx\"").build();
    }
}
