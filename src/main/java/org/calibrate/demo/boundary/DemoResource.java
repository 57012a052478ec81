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
import org.calibrate.demo.control.DemoRegistrar;
import org.calibrate.demo.control.DemoServices;
import org.calibrate.demo.entity.DemoCourse;
import org.calibrate.runtime.Page;
import org.calibrate.runtime.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    @Inject
    DemoRegistrar registrar;
    @Inject
    DemoServices services;

    public record PersonView(String id, String name, String role, String lms_role_label, List<String> sections) {
    }

    public record AssignmentView(String title, String prompt, int max_points, int submissions) {
    }

    public record ActivityView(String resource_link_id, String title, String line_item_id) {
    }

    public record RegistrationView(String client_id, String deployment_id, String tool_name, String updated_at) {
    }

    public record CourseView(Map<String, String> course, Map<String, String> resource_link, AssignmentView assignment,
                             List<PersonView> people, List<ActivityView> activities, List<RegistrationView> registrations,
                             String active_client_id) {
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
                        p.sections().stream().map(s -> sectionNames.getOrDefault(s, s)).toList())).toList(),
                registrar.activities().stream().map(a -> new ActivityView(a.resourceLinkId(), a.title(),
                        services.lineItemFor(a.resourceLinkId()).map(li -> li.id()).orElse(null))).toList(),
                registrar.registrations().stream().map(r -> new RegistrationView(r.clientId(), r.deploymentId(), r.toolName(),
                        r.updatedAt().toString())).toList(),
                platform.activeClient().clientId());
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
    public Response launch(@FormParam("person") String personId, @FormParam("activity") String activity) {
        return login(personId, new DemoPlatform.Message(false, Optional.ofNullable(activity).filter(a -> !a.isBlank())));
    }

    /** The LMS's "add an activity" with the tool's content selection: a deep linking login. */
    @POST
    @Path("deep-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deepLink(@FormParam("person") String personId) {
        return login(personId, new DemoPlatform.Message(true, Optional.empty()));
    }

    private Response login(String personId, DemoPlatform.Message message) {
        return platform.person(personId)
                .map(p -> Response.ok(new Page("Demo LMS — launching Calibrate")
                        .paragraph("Launching Calibrate as " + p.name() + "…")
                        .autoPostForm(settings.publicUrl() + "/lti/login", null, platform.loginInitiation(p, message)).render(), HTML).build())
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

    /** The admin's "register a tool" click: where to send the registration frame. */
    @POST
    @Path("registrations")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> startRegistration() {
        return Map.of("registration_url", registrar.startRegistration());
    }

    public record GradeView(String user_id, String name, Double score_given, double score_maximum, String comment,
                            String timestamp, String grading_progress) {
    }

    public record ColumnView(String id, String label, double score_maximum, String resource_link_id, List<GradeView> scores) {
    }

    public record Gradebook(List<ColumnView> line_items) {
    }

    @GET
    @Path("gradebook")
    @Produces(MediaType.APPLICATION_JSON)
    public Gradebook gradebook() {
        List<DemoCourse.Person> students = platform.course().people().stream().filter(p -> "student".equals(p.role())).toList();
        return new Gradebook(services.columns().stream().map(li -> new ColumnView(li.id(), li.label(), li.scoreMaximum(),
                li.resourceLinkId().orElse(null), students.stream().flatMap(p -> services.grade(li.id(), p.id()).stream()
                .map(s -> new GradeView(p.id(), p.name(), s.scoreGiven().orElse(null), li.scoreMaximum(), s.comment().orElse(null),
                        s.scoreTimestamp().toString(), s.gradingProgress()))).toList())).toList());
    }
}
