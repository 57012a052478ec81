package org.calibrate.demo.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.calibrate.demo.control.DemoPlatform;
import org.calibrate.demo.control.DemoNotices;
import org.calibrate.demo.control.DemoRegistrar;
import org.calibrate.demo.control.DemoServices;
import org.calibrate.runtime.Page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo LMS's platform endpoints for LTI Advantage: token, NRPS, AGS, dynamic registration, the
 * deep linking return URL, and the gradebook its page shows. Media types are checked exactly, as
 * Moodle routes on them.
 */
@Path("lms")
@RequestScoped
public class DemoServicesResource {
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=utf-8");
    static final String MEMBERSHIP_CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINE_ITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

    @Inject
    DemoServices services;
    @Inject
    DemoRegistrar registrar;
    @Inject
    DemoPlatform platform;
    @Inject
    DemoNotices notices;

    @FunctionalInterface
    interface Answer {
        Response get() throws DemoServices.Refusal;
    }

    private static Response answer(Answer answer) {
        try {
            return answer.get();
        } catch (DemoServices.Refusal r) {
            return Response.status(r.status()).type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder().add("error", r.getMessage()).build().toString()).build();
        }
    }

    private static void accepts(String header, String mediaType) throws DemoServices.Refusal {
        if (header == null || !header.contains(mediaType)) {
            throw new DemoServices.Refusal(406, "expected " + mediaType);
        }
    }

    /** Moodle's token.php: form-encoded only, and its JSON reply is labelled text/html. */
    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(MultivaluedMap<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((k, v) -> fields.put(k, v.get(0)));
        try {
            return Response.ok(services.token(fields), HTML).header("Cache-Control", "no-store").build();
        } catch (DemoServices.Refusal r) {
            return Response.status(r.status()).type(HTML)
                    .entity(Json.createObjectBuilder().add("error", r.getMessage()).build().toString()).build();
        }
    }

    @GET
    @Path("services/CourseSection/{context}/memberships")
    public Response memberships(@HeaderParam("Authorization") String authorization, @HeaderParam("Accept") String accept,
                                @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
                                @QueryParam("role") String role) {
        return answer(() -> {
            accepts(accept, MEMBERSHIP_CONTAINER);
            DemoServices.MembersPage page = services.members(authorization, limit, offset == null ? 0 : offset, role);
            Response.ResponseBuilder r = Response.ok(page.body().toString(), MEMBERSHIP_CONTAINER);
            page.next().ifPresent(n -> r.header("Link", "<" + n + ">; rel=\"next\""));
            return r.build();
        });
    }

    @GET
    @Path("services/{context}/lineitems")
    public Response lineItems(@HeaderParam("Authorization") String authorization, @HeaderParam("Accept") String accept,
                              @QueryParam("resource_link_id") String resourceLinkId, @QueryParam("tag") String tag,
                              @QueryParam("resource_id") String resourceId) {
        return answer(() -> {
            accepts(accept, LINE_ITEM_CONTAINER);
            JsonArrayBuilder items = Json.createArrayBuilder();
            services.lineItems(authorization, resourceLinkId, tag, resourceId).forEach(items::add);
            return Response.ok(items.build().toString(), LINE_ITEM_CONTAINER).build();
        });
    }

    @POST
    @Path("services/{context}/lineitems")
    public Response createLineItem(@HeaderParam("Authorization") String authorization,
                                   @HeaderParam("Content-Type") String contentType, String body) {
        return answer(() -> {
            accepts(contentType, LINE_ITEM);
            return Response.status(201).type(LINE_ITEM).entity(services.createLineItem(authorization, body).toString()).build();
        });
    }

    @GET
    @Path("services/{context}/lineitems/{id}/lineitem")
    public Response lineItem(@HeaderParam("Authorization") String authorization, @HeaderParam("Accept") String accept,
                             @PathParam("id") String id) {
        return answer(() -> {
            accepts(accept, LINE_ITEM);
            return Response.ok(services.lineItem(authorization, id).toString(), LINE_ITEM).build();
        });
    }

    /** Moodle answers a stored score with 200 and an empty body. */
    @POST
    @Path("services/{context}/lineitems/{id}/lineitem/scores")
    public Response score(@HeaderParam("Authorization") String authorization, @HeaderParam("Content-Type") String contentType,
                          @PathParam("id") String id, String body) {
        return answer(() -> {
            accepts(contentType, SCORE);
            services.score(authorization, id, body);
            return Response.ok().build();
        });
    }

    @GET
    @Path("services/{context}/lineitems/{id}/lineitem/results")
    public Response results(@HeaderParam("Authorization") String authorization, @HeaderParam("Accept") String accept,
                            @PathParam("id") String id, @QueryParam("user_id") String userId) {
        return answer(() -> {
            accepts(accept, RESULT_CONTAINER);
            JsonArrayBuilder results = Json.createArrayBuilder();
            services.results(authorization, id, userId).forEach(results::add);
            return Response.ok(results.build().toString(), RESULT_CONTAINER).build();
        });
    }

    /** Platform Notification Service: a tool registers (PUT) or reads (GET) its notice handler for a deployment. */
    @PUT
    @Path("notice-handlers/{deployment}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerHandler(@HeaderParam("Authorization") String authorization, @PathParam("deployment") String deployment, String body) {
        return answer(() -> Response.ok(notices.register(authorization, deployment, body).toString(), MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("notice-handlers/{deployment}")
    public Response handlers(@HeaderParam("Authorization") String authorization, @PathParam("deployment") String deployment) {
        return answer(() -> Response.ok(notices.catalog(authorization, deployment).toString(), MediaType.APPLICATION_JSON).build());
    }

    /** The Asset Service: a submitted file, for a token of the asset.readonly scope. */
    @GET
    @Path("services/{context}/assets/{asset}")
    public Response asset(@HeaderParam("Authorization") String authorization, @PathParam("asset") String asset) {
        return answer(() -> Response.ok(notices.asset(authorization, asset), "text/html;charset=utf-8")
                .header("Content-Disposition", "attachment").header("X-Content-Type-Options", "nosniff").build());
    }

    @GET
    @Path("openid-configuration")
    public Response configuration(@HeaderParam("Authorization") String authorization) {
        return answer(() -> Response.ok(registrar.configuration(authorization).toString(), MediaType.APPLICATION_JSON).build());
    }

    @POST
    @Path("registrations/endpoint")
    public Response register(@HeaderParam("Authorization") String authorization, String body) {
        return answer(() -> Response.ok(registrar.register(authorization, body).toString(), MediaType.APPLICATION_JSON).build());
    }

    @POST
    @Path("deep-linking/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deepLinkingReturn(@FormParam("JWT") String jwt) {
        try {
            List<String> added = registrar.deepLinkingReturn(jwt);
            Page page = new Page("Demo LMS — activity added").heading(added.isEmpty() ? "Nothing was added" : "Activity added to the course");
            added.forEach(t -> page.paragraph("Added: " + t));
            page.raw("<p><a class=\"button\" id=\"back-to-course\" href=\"/demo/\" target=\"_top\">Back to the course</a></p>");
            return Response.ok(page.render(), HTML).build();
        } catch (DemoServices.Refusal r) {
            return Response.status(r.status()).type(HTML).entity(new Page("Demo LMS").heading("The demo LMS refused the tool's response")
                    .paragraph(r.getMessage()).render()).build();
        }
    }
}
