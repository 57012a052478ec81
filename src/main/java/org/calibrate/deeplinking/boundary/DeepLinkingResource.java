package org.calibrate.deeplinking.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.deeplinking.control.DeepLinks;
import org.calibrate.placement.entity.Placement;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/deep-linking}: the teacher's answer to a deep linking launch. The reply is the form the
 * front end posts to the platform in the same frame.
 */
@Path("deep-linking")
@RequestScoped
@Authenticated
public class DeepLinkingResource {
    @Inject
    DeepLinks deepLinks;
    @Inject
    CurrentSession session;

    /** JSON-B binds the body; every field is checked here, none trusted. */
    public static class PlacementRequest {
        public String title;
        public String description;
        public Double score_maximum;
    }

    public record FormPost(String action, Map<String, String> fields, String placement_id) {
    }

    @POST
    @Path("response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public FormPost respond(PlacementRequest body) {
        if (body == null || body.title == null || body.title.isBlank() || body.title.length() > Placement.MAX_TITLE) {
            throw ApiRefusal.invalid("Give the placement a title of 1 to " + Placement.MAX_TITLE + " characters.");
        }
        if (body.description != null && body.description.length() > Placement.MAX_DESCRIPTION) {
            throw ApiRefusal.invalid("The description is longer than " + Placement.MAX_DESCRIPTION + " characters.");
        }
        double max = body.score_maximum == null ? 100 : body.score_maximum;
        if (!(max > 0) || max > Placement.MAX_SCORE_MAXIMUM || Double.isNaN(max)) {
            throw ApiRefusal.invalid("The maximum grade must be above 0 and at most " + (int) Placement.MAX_SCORE_MAXIMUM + ".");
        }
        return deepLinks.place(session.principal(), new DeepLinks.Choice(body.title.strip(), Optional.ofNullable(body.description), max))
                .map(a -> new FormPost(a.returnUrl().toString(), Map.of("JWT", a.jwt()), a.placementId().orElse(null)))
                .orElseThrow(DeepLinkingResource::noRequest);
    }

    @POST
    @Path("cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public FormPost cancel() {
        return deepLinks.cancel(session.principal())
                .map(a -> new FormPost(a.returnUrl().toString(), Map.of("JWT", a.jwt()), null))
                .orElseThrow(DeepLinkingResource::noRequest);
    }

    private static ApiRefusal noRequest() {
        return new ApiRefusal(409, "no_deep_linking_request",
                "This session has no open request to add Calibrate to a course (it was answered already, or expired). Start again from the course's add-activity page.");
    }
}
