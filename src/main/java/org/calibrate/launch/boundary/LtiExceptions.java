package org.calibrate.launch.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.calibrate.launch.control.LaunchRejected;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line under {@code /lti}: anything not already turned into a {@link LaunchRejected} ends on
 * the same kind of page, with an incident id for the admin and no internals for the browser.
 */
@Provider
public class LtiExceptions implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(LtiExceptions.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return LaunchPages.rejected(new LaunchRejected(status, "bad_request",
                    "This request is not one Calibrate accepts here (HTTP " + status + ")."));
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.WARNING, "LTI request failed, incident " + incident, e);
        return LaunchPages.rejected(new LaunchRejected(500, "internal_error",
                "Something went wrong on the server (incident " + incident + "). Try again; if it persists, tell your Calibrate admin the incident id."));
    }
}
