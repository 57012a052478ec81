package org.calibrate.demo.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.calibrate.demo.control.DemoPlatform;
import org.calibrate.demo.entity.DemoCourse;
import org.calibrate.runtime.Page;
import org.calibrate.runtime.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /demo/api/*}: the demo LMS's endpoints: its course (people to launch as), the launch
 * button, its OIDC authentication endpoint and its JWKS.
 */
@Path("")
@RequestScoped
public class DemoResource {
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=utf-8");

    @Inject
    DemoPlatform platform;
    @Inject
    Settings settings;

    public record PersonView(String id, String name, String role, String lms_role_label, List<String> sections) {
    }

    public record AssignmentView(String title, String prompt, int max_points, int submissions) {
    }

    public record CourseView(Map<String, String> course, Map<String, String> resource_link, AssignmentView assignment,
                             List<PersonView> people) {
    }

    @GET
    @Path("course")
    @Produces(MediaType.APPLICATION_JSON)
    public CourseView course() {
        DemoCourse c = platform.course();
        Map<String, String> sectionNames = new LinkedHashMap<>();
        c.sections().forEach(s -> sectionNames.put(s.id(), s.name()));
        return new CourseView(
                Map.of("title", c.course().title(), "label", c.course().label(), "school", c.course().school()),
                Map.of("title", c.resource_link().title()),
                new AssignmentView(c.assignment().title(), c.assignment().prompt(), c.assignment().max_points(), c.submissions().size()),
                c.people().stream().map(p -> new PersonView(p.id(), p.name(), p.role(), label(p.role()),
                        p.sections().stream().map(s -> sectionNames.getOrDefault(s, s)).toList())).toList());
    }

    private static String label(String role) {
        return switch (role) {
            case "teacher", "department_head" -> "Teacher";
            case "admin" -> "Site administrator";
            default -> "Student";
        };
    }

    /** The LMS's "launch" click: an auto-submitted third-party initiated login, as Moodle posts it. */
    @POST
    @Path("launch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response launch(@FormParam("person") String personId) {
        return platform.person(personId)
                .map(p -> Response.ok(new Page("Demo LMS — launching Calibrate")
                        .paragraph("Launching Calibrate as " + p.name() + "…")
                        .autoPostForm(settings.publicUrl() + "/lti/login", null, platform.loginInitiation(p)).render(), HTML).build())
                .orElseGet(() -> Response.status(404).type(HTML)
                        .entity(new Page("Demo LMS").heading("No such person in the demo course").render()).build());
    }

    /** The platform's OIDC authentication endpoint: answers with the id_token posted to the tool's redirect URI. */
    @GET
    @Path("auth")
    public Response authenticate(@Context UriInfo uri) {
        Map<String, String> request = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> request.put(k, v.get(0)));
        try {
            String idToken = platform.authenticate(request);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("id_token", idToken);
            form.put("state", request.getOrDefault("state", ""));
            return Response.ok(new Page("Demo LMS — signing in to Calibrate")
                            .paragraph("Signing in to Calibrate…")
                            .autoPostForm(request.get("redirect_uri"), null, form).render(), HTML)
                    .header("Cache-Control", "no-store").build();
        } catch (DemoPlatform.Refused e) {
            return Response.status(400).type(HTML)
                    .entity(new Page("Demo LMS").heading("The demo LMS refused the login").paragraph(e.getMessage()).render()).build();
        }
    }

    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return platform.publicKeys().toString(true);
    }
}
