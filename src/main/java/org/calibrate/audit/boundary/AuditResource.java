package org.calibrate.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.calibrate.audit.control.AuditTrail;
import org.calibrate.audit.entity.AuditEvent;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.reports.control.ReportCsv;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/admin/audit}: the audit trail for admins — who did what, when, to what — filtered by action, actor,
 * subject and time, newest first a page at a time, or as CSV.
 */
@Path("admin/audit")
@RequestScoped
@Authenticated(ToolRole.ADMIN)
public class AuditResource {
    @Inject
    AuditTrail trail;

    public record EventView(long id, String at, String actor, String action, String subject, String detail) {
        static EventView of(AuditEvent e) {
            return new EventView(e.id(), e.occurredAt().toString(), e.actor(), e.action(), e.subject(), e.detail());
        }
    }

    public record Page(List<EventView> events, Long next_before) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page list(@QueryParam("action") String action, @QueryParam("actor") String actor, @QueryParam("subject") String subject,
                     @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("before") Long before) {
        List<AuditEvent> events = trail.find(filter(action, actor, subject, from, to, before), AuditTrail.PAGE + 1);
        boolean more = events.size() > AuditTrail.PAGE;
        List<AuditEvent> page = more ? events.subList(0, AuditTrail.PAGE) : events;
        return new Page(page.stream().map(EventView::of).toList(), more ? page.get(page.size() - 1).id() : null);
    }

    @GET
    @Path("csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("action") String action, @QueryParam("actor") String actor, @QueryParam("subject") String subject,
                        @QueryParam("from") String from, @QueryParam("to") String to) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("id", "at", "actor", "action", "subject", "detail").get())) {
            for (AuditEvent e : trail.find(filter(action, actor, subject, from, to, null), AuditTrail.MAX_EXPORT)) {
                csv.printRecord(e.id(), e.occurredAt().toString(), ReportCsv.safe(e.actor()), ReportCsv.safe(e.action()),
                        ReportCsv.safe(e.subject() == null ? "" : e.subject()), ReportCsv.safe(e.detail() == null ? "" : e.detail()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"calibrate-audit.csv\"").build();
    }

    private static AuditTrail.Filter filter(String action, String actor, String subject, String from, String to, Long before) {
        return new AuditTrail.Filter(text(action), text(actor), text(subject), instant(from, "from"), instant(to, "to"), Optional.ofNullable(before));
    }

    private static Optional<String> text(String s) {
        if (s != null && s.length() > 255) {
            throw ApiRefusal.invalid("A filter is at most 255 characters.");
        }
        return Optional.ofNullable(s).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<Instant> instant(String s, String name) {
        try {
            return text(s).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw ApiRefusal.invalid("\"" + name + "\" is an ISO-8601 instant such as 2026-12-06T00:00:00Z.");
        }
    }
}
