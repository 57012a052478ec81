package org.calibrate.launch.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.launch.control.LaunchRejected;
import org.calibrate.launch.control.Launches;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.runtime.Settings;
import org.calibrate.session.control.AppSessions;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /lti/launch}: the redirect URI that receives the platform's form post of
 * {@code id_token} and {@code state} (LTI Core §5.1.1, Security Framework §5.1.1.3). A valid
 * teacher or admin launch goes on to the app with a one-time code; a learner gets a friendly page.
 */
@Path("launch")
@RequestScoped
public class LaunchResource {
    @Inject
    Launches launches;
    @Inject
    AppSessions sessions;
    @Inject
    Settings settings;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
                           @Context HttpHeaders headers) {
        Map<String, Cookie> cookies = headers.getCookies();
        try {
            Launches.Outcome outcome = launches.launch(idToken, state,
                    name -> Optional.ofNullable(cookies.get(name)).map(Cookie::getValue));
            if (outcome instanceof Launches.StorageCheck check) {
                return noStore(LaunchPages.storageCheck(check));
            }
            return enter(((Launches.Launched) outcome).launch());
        } catch (LaunchRejected e) {
            return LaunchPages.rejected(e);
        }
    }

    /** The browser read the login's secret back from the platform's storage; finish the launch. */
    @POST
    @Path("storage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmStorage(@FormParam("ticket") String ticket, @FormParam("value") String value) {
        try {
            return enter(launches.confirmStorage(ticket, value).launch());
        } catch (LaunchRejected e) {
            return LaunchPages.rejected(e);
        }
    }

    private Response enter(LtiLaunch launch) {
        if (launch.toolRole() == ToolRole.NONE) {
            return noStore(LaunchPages.learner(launch));
        }
        String code = sessions.begin(launch);
        // The code travels in the fragment: browsers never send it to a server, so no log or Referer carries it.
        return Response.seeOther(URI.create(settings.publicUrl() + "/app/#launch=" + code))
                .header("Cache-Control", "no-store").build();
    }

    private static Response noStore(Response r) {
        return Response.fromResponse(r).header("Cache-Control", "no-store").build();
    }
}
