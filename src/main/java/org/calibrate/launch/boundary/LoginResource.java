package org.calibrate.launch.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.calibrate.launch.control.LaunchRejected;
import org.calibrate.launch.control.Launches;
import org.calibrate.launch.control.LoginInitiation;
import org.calibrate.launch.control.LoginRequest;
import org.calibrate.runtime.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET|POST /lti/login}: OIDC third-party initiated login (LTI Core §5.1.1, Security Framework §5.1.1).
 * A top-level browser gets a 302 to the platform at once; inside a cross-site frame, or when the
 * platform offers platform storage, a small page first checks that the browser binding will work.
 */
@Path("login")
@RequestScoped
public class LoginResource {
    static final String PROBE_COOKIE = "calibrate-cookie-probe";
    private static final List<String> LOGIN_PARAMS = List.of("iss", "login_hint", "target_link_uri",
            "lti_message_hint", "client_id", "lti_deployment_id", "lti_storage_target");

    @Inject
    Launches launches;
    @Inject
    Settings settings;

    @GET
    public Response get(@Context UriInfo uri, @HeaderParam("Sec-Fetch-Dest") String dest, @HeaderParam("Sec-Fetch-Site") String site) {
        return login(uri.getQueryParameters(), dest, site);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form, @HeaderParam("Sec-Fetch-Dest") String dest,
                         @HeaderParam("Sec-Fetch-Site") String site) {
        return login(form, dest, site);
    }

    private Response login(MultivaluedMap<String, String> raw, String dest, String site) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : LOGIN_PARAMS) {
            String v = raw.getFirst(name);
            if (v != null) {
                params.put(name, v);
            }
        }
        LoginInitiation.Accepted accepted;
        try {
            accepted = launches.login(LoginRequest.of(params));
        } catch (LaunchRejected e) {
            return LaunchPages.rejected(e);
        }
        String state = accepted.state().state();
        String binding = StateCookie.header(Launches.cookieName(state), accepted.state().browserSecret(), true);
        // Fetch Metadata: only a cross-site frame is where browsers block third-party cookies.
        boolean framed = "iframe".equalsIgnoreCase(dest) && "cross-site".equalsIgnoreCase(site);
        if (accepted.state().storageTarget().isEmpty() && !framed) {
            return Response.status(302).location(accepted.authenticationRequest()).header("Set-Cookie", binding)
                    .header("Cache-Control", "no-store").build();
        }
        Response page = LaunchPages.loginCheck(accepted.authenticationRequest(), PROBE_COOKIE, params,
                accepted.state().storageTarget().orElse(null), accepted.state().platformOrigin().orElse(null),
                Launches.storageKey(state), accepted.state().browserSecret());
        return Response.fromResponse(page).header("Set-Cookie", binding)
                .header("Set-Cookie", StateCookie.header(PROBE_COOKIE, "1", false))
                .header("Cache-Control", "no-store").build();
    }
}
