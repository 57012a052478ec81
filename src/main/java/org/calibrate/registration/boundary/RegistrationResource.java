package org.calibrate.registration.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.registration.control.DynamicRegistrations;
import org.calibrate.registration.control.RegistrationRefused;
import org.calibrate.runtime.Page;

/**
 * {@code GET /lti/register}: the tool's registration initiation URL (Dynamic Registration 1.0 §3.1).
 * The LMS opens it in a frame or pop-up; the page reports the outcome and, when the admin is done,
 * tells the LMS to close it ({@code org.imsglobal.lti.close}, §3.7).
 */
@Path("register")
@RequestScoped
public class RegistrationResource {
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=utf-8");

    @Inject
    DynamicRegistrations registrations;

    @GET
    public Response register(@QueryParam("openid_configuration") String openidConfiguration,
                             @QueryParam("registration_token") String registrationToken) {
        try {
            DynamicRegistrations.Outcome o = registrations.register(openidConfiguration, registrationToken);
            Page page = new Page("Calibrate registered")
                    .heading(o.created() ? "Calibrate is registered" : "Calibrate's registration is updated")
                    .paragraph("Platform: " + o.issuer() + o.productFamily().map(p -> " (" + p + ")").orElse(""))
                    .paragraph("Client ID: " + o.clientId())
                    .paragraph(o.deploymentId().map(d -> "Deployment ID: " + d)
                            .orElse("The platform named no deployment yet. An admin adds the deployment ID on Calibrate's Admin › Platforms page after deploying the tool."))
                    .paragraph(o.scope().isBlank() ? "The platform granted no LTI Advantage services: roster and grade return stay off until an admin enables them."
                            : "Services granted: " + o.scope());
            if (o.productFamily().filter("moodle"::equalsIgnoreCase).isPresent()) {
                page.paragraph("In Moodle the new tool is pending: activate it on Site administration › Plugins › External tool › Manage tools.");
            }
            return Response.ok(done(page).render(), HTML).header("Cache-Control", "no-store").build();
        } catch (RegistrationRefused e) {
            Page page = new Page("Calibrate not registered").heading("Calibrate could not be registered").paragraph(e.getMessage());
            return Response.status(400).type(HTML).entity(done(page).render())
                    .header("X-Calibrate-Error", "registration_refused").header("Cache-Control", "no-store").build();
        }
    }

    private static Page done(Page page) {
        return page.raw("<p><button type=\"button\" class=\"button\" id=\"lti-registration-close\">Close</button></p>");
    }
}
