package org.calibrate.rubrics.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.rubrics.control.InvalidRubric;
import org.calibrate.rubrics.control.RubricCsv;
import org.calibrate.rubrics.control.RubricJson;
import org.calibrate.rubrics.control.Rubrics;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/rubrics}: the rubric library of the caller's platform and the shipped rubrics; create,
 * edit (a new version once in use), export and import as JSON or CSV.
 */
@Path("rubrics")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class RubricsResource {
    /** Rubric files are small; anything larger is not a rubric. */
    static final int MAX_IMPORT = 256 * 1024;

    @Inject
    CurrentSession session;
    @Inject
    Rubrics rubrics;

    public record Summary(String id, String family, int version, String title, String kind, int criteria, String range,
                          boolean frozen, boolean shipped, boolean editable) {
    }

    public record VersionRef(String id, int version) {
    }

    public record RubricView(String id, String family, int version, String title, String kind, boolean frozen, boolean shipped,
                             boolean editable, long lock_version, List<VersionRef> versions, RubricDefinition definition) {
    }

    public record RubricList(List<Summary> rubrics) {
    }

    public static class Body {
        public Long lock_version;
        public RubricDefinition definition;
    }

    @GET
    public RubricList list() {
        return new RubricList(rubrics.newest(platform()).stream().map(this::summary).toList());
    }

    @GET
    @Path("{id}")
    public RubricView get(@PathParam("id") String id) {
        return view(find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Body body) {
        if (body == null || body.definition == null) {
            throw ApiRefusal.invalid("Send the rubric's definition.");
        }
        return Response.status(201).entity(view(created(body.definition))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(@PathParam("id") String id, Body body) {
        Rubric rubric = find(id);
        if (body == null || body.definition == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the rubric's lock_version and definition.");
        }
        if (!rubric.frozen() && !editable(rubric)) {
            throw new ApiRefusal(403, "not_yours", "Only the teacher who made this rubric can change this version; saving it as your own copy works.");
        }
        Rubrics.Saved saved;
        try {
            saved = rubrics.edit(rubric, body.lock_version, body.definition, platform(), userId());
        } catch (InvalidRubric e) {
            throw invalid(e);
        }
        return Response.status(saved.newVersion() ? 201 : 200).entity(view(saved.rubric())).build();
    }

    @GET
    @Path("{id}/export")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response export(@PathParam("id") String id, @QueryParam("format") String format) {
        Rubric rubric = find(id);
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ApiRefusal.invalid("Export formats are json and csv.");
        }
        String name = rubric.family() + "-v" + rubric.version() + (csv ? ".csv" : ".json");
        String body = csv ? RubricCsv.write(rubric.definition()) : RubricJson.write(rubric.definition());
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    public Response importRubric(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream in) {
        String text = read(in);
        RubricDefinition definition;
        try {
            boolean csv = type != null && !type.toLowerCase(Locale.ROOT).contains("json");
            definition = csv ? RubricCsv.importCsv(text) : RubricJson.importJson(text);
        } catch (InvalidRubric e) {
            throw invalid(e);
        }
        return Response.status(201).entity(view(created(definition))).build();
    }

    private Rubric created(RubricDefinition definition) {
        try {
            return rubrics.create(platform(), definition, userId());
        } catch (InvalidRubric e) {
            throw invalid(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_IMPORT + 1);
            if (bytes.length > MAX_IMPORT) {
                throw new ApiRefusal(413, "too_large", "A rubric file may be at most 256 KB.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiRefusal.invalid("The file could not be read.");
        }
    }

    private static ApiRefusal invalid(InvalidRubric e) {
        return ApiRefusal.unprocessable("invalid_rubric", "The rubric has problems to fix before it can be saved.", e.problems());
    }

    private Rubric find(String id) {
        return rubrics.find(id, platform()).orElseThrow(() -> new ApiRefusal(404, "rubric_not_found", "No such rubric."));
    }

    private boolean editable(Rubric r) {
        return !r.shipped() && !r.frozen() && r.createdBy().map(userId()::equals).orElse(false);
    }

    private Summary summary(Rubric r) {
        RubricDefinition d = r.definition();
        return new Summary(r.id(), r.family(), r.version(), r.title(), d.holistic() ? "holistic" : "analytic", d.criteria().size(),
                d.range(), r.frozen(), r.shipped(), editable(r));
    }

    private RubricView view(Rubric r) {
        RubricDefinition d = r.definition();
        return new RubricView(r.id(), r.family(), r.version(), r.title(), d.holistic() ? "holistic" : "analytic", r.frozen(), r.shipped(),
                editable(r), r.lockVersion(), rubrics.versions(r).stream().map(v -> new VersionRef(v.id(), v.version())).toList(), d);
    }

    private long platform() {
        return session.principal().platformId();
    }

    private String userId() {
        return session.principal().userId();
    }
}
