package org.calibrate.exemplars.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.exemplars.control.AnchorSet;
import org.calibrate.exemplars.control.AnchorSetHtml;
import org.calibrate.exemplars.control.AnchorSetPdf;
import org.calibrate.exemplars.control.ExemplarPolicy;
import org.calibrate.exemplars.control.Exemplars;
import org.calibrate.exemplars.entity.Exemplar;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.rubrics.entity.ScorePoint;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;
import org.calibrate.session.entity.SessionPrincipal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /api/exemplars}: the exemplar library for the platform's teachers — browse by task, rubric and score
 * point; edit, check the anonymity of and withdraw an exemplar (a moderator of its round, or an admin); export an
 * anchor set as HTML or PDF.
 */
@Path("exemplars")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ExemplarsResource {
    @Inject
    CurrentSession session;
    @Inject
    Exemplars exemplars;
    @Inject
    ExemplarPolicy policy;

    public record ExemplarView(String id, String task, String rubric_id, String rubric_title, String piece_code, String criterion,
                               String criterion_name, int score_point, Map<String, Integer> levels, String annotation, String text,
                               String keep_until, boolean anonymity_checked, String anonymity_checked_at, String created_at,
                               long lock_version) {
    }

    public record Library(String consent_policy, String retention, List<String> tasks, Map<String, String> rubrics,
                          List<ExemplarView> exemplars) {
    }

    public static class Edit {
        public Long lock_version;
        public String task;
        public String annotation;
        public String keep_until;
    }

    public static class Version {
        public Long lock_version;
    }

    @GET
    public Library library(@QueryParam("rubric") String rubric, @QueryParam("task") String task, @QueryParam("criterion") String criterion,
                           @QueryParam("score_point") Integer point) {
        SessionPrincipal p = session.principal();
        // One read: the whole library gives the tasks and rubrics to choose from, the filter the exemplars shown.
        List<Exemplar> all = exemplars.library(p, Exemplars.Filter.none());
        Exemplars.Filter filter = filter(rubric, task, criterion, point);
        List<Exemplar> chosen = all.stream().filter(filter::matches).toList();
        Map<String, String> rubrics = new TreeMap<>();
        all.forEach(e -> rubrics.computeIfAbsent(e.rubricId(), k -> title(exemplars.rubric(k))));
        Views views = new Views();
        return new Library(policy.consent().key(), policy.retention().toString(), all.stream().map(Exemplar::task).distinct().sorted().toList(),
                rubrics, chosen.stream().map(e -> views.of(e, false)).toList());
    }

    @GET
    @Path("{exemplar}")
    public ExemplarView get(@PathParam("exemplar") String id) {
        return new Views().of(exemplars.find(session.principal(), id), true);
    }

    @PUT
    @Path("{exemplar}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExemplarView edit(@PathParam("exemplar") String id, Edit body) {
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the exemplar's lock_version with the changes.");
        }
        return new Views().of(exemplars.edit(session.principal(), id, body.lock_version, Optional.ofNullable(body.task),
                Optional.ofNullable(body.annotation), Optional.ofNullable(body.keep_until).map(ExemplarsResource::date)), true);
    }

    @POST
    @Path("{exemplar}/anonymity-check")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExemplarView check(@PathParam("exemplar") String id, Version body) {
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the exemplar's lock_version.");
        }
        return new Views().of(exemplars.checkAnonymity(session.principal(), id, body.lock_version), true);
    }

    @DELETE
    @Path("{exemplar}")
    public Response withdraw(@PathParam("exemplar") String id, @QueryParam("lock_version") Long lockVersion) {
        if (lockVersion == null) {
            throw ApiRefusal.invalid("Send the exemplar's lock_version.");
        }
        exemplars.withdraw(session.principal(), id, lockVersion);
        return Response.noContent().build();
    }

    /** The chosen exemplars (one rubric) as a printable anchor set; only after each passed the second anonymity check. */
    @GET
    @Path("anchor-set")
    @Produces({"text/html", "application/pdf", MediaType.APPLICATION_JSON})
    public Response anchorSet(@QueryParam("rubric") String rubric, @QueryParam("task") String task, @QueryParam("criterion") String criterion,
                              @QueryParam("score_point") Integer point, @QueryParam("format") String format) {
        if (rubric == null || rubric.isBlank()) {
            throw ApiRefusal.invalid("Choose the rubric of the anchor set: an anchor set shows one rubric's score points.");
        }
        boolean pdf = "pdf".equals(format);
        if (format != null && !pdf && !"html".equals(format)) {
            throw ApiRefusal.invalid("format is html or pdf.");
        }
        List<Exemplar> chosen = exemplars.anchorSet(session.principal(), filter(rubric, task, criterion, point));
        RubricDefinition def = exemplars.rubric(rubric).definition();
        List<AnchorSet.Criterion> criteria = def.criteria().stream().map(c -> {
            TreeMap<Integer, String> descriptors = new TreeMap<>();
            c.points().forEach(sp -> descriptors.put(sp.level(), describe(sp)));
            return new AnchorSet.Criterion(c.key(), def.criterionNames().get(c.key()), descriptors);
        }).toList();
        List<AnchorSet.Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Exemplar e = chosen.get(i);
            anchors.add(new AnchorSet.Anchor("Exemplar " + (i + 1) + " (" + e.pieceCode() + ")", e.criterion(), e.scorePoint(), e.levels(),
                    e.annotation(), e.text().orElse("")));
        }
        String title = task != null && !task.isBlank() ? task : "Anchor set";
        AnchorSet set = new AnchorSet(title, Optional.ofNullable(task).filter(t -> !t.isBlank()), def.title(), criteria, anchors,
                Instant.now(Clock.systemUTC()));
        String name = "anchor-set-" + LocalDate.now(Clock.systemUTC());
        return pdf
                ? Response.ok(AnchorSetPdf.write(set), "application/pdf").header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"").build()
                : Response.ok(AnchorSetHtml.write(set), "text/html; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + ".html\"")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
    }

    private static String describe(ScorePoint sp) {
        String label = sp.label() == null ? "" : sp.label().strip();
        String d = sp.descriptor() == null ? "" : sp.descriptor().strip();
        return label.isEmpty() ? d : d.isEmpty() ? label : label + ": " + d;
    }

    private static Exemplars.Filter filter(String rubric, String task, String criterion, Integer point) {
        return new Exemplars.Filter(blank(rubric), blank(task), Optional.ofNullable(criterion), Optional.ofNullable(point));
    }

    private static Optional<String> blank(String s) {
        return Optional.ofNullable(s).filter(x -> !x.isBlank());
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiRefusal.invalid("keep_until is a date such as 2031-07-31.");
        }
    }

    private static String title(Rubric r) {
        return r == null ? "A rubric" : r.definition().title() + " (version " + r.version() + ")";
    }

    /** Maps exemplars, reading each rubric once. */
    private final class Views {
        private final Map<String, Rubric> rubrics = new HashMap<>();
        private final Map<String, org.calibrate.anonymise.control.LeakGuard> guards = new HashMap<>();

        ExemplarView of(Exemplar e, boolean withText) {
            Rubric r = rubrics.computeIfAbsent(e.rubricId(), exemplars::rubric);
            Map<String, String> names = r == null ? Map.of() : r.definition().criterionNames();
            return new ExemplarView(e.id(), e.task(), e.rubricId(), title(r), e.pieceCode(), e.criterion().orElse(null),
                    e.criterion().map(k -> names.getOrDefault(k, k)).orElse(null), e.scorePoint(), new LinkedHashMap<>(e.levels()),
                    exemplars.shown(e, e.annotation(), guards), withText ? exemplars.shown(e, e.text().orElse(""), guards)
                            : excerpt(exemplars.shown(e, e.text().orElse(""), guards)), e.keepUntil().toString(),
                    e.anonymityCheckedAt().isPresent(), e.anonymityCheckedAt().map(Object::toString).orElse(null), e.createdAt().toString(),
                    e.lockVersion());
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
