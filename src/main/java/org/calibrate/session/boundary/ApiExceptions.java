package org.calibrate.session.boundary;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code /api} failure as JSON: a concurrent edit is a 409 the user can act on; an unexpected
 * error is logged under an incident id and answered without internals.
 */
@Provider
public class ApiExceptions implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ApiExceptions.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ApiRefusal r) {
            return ApiError.response(r.status(), r.code(), r.getMessage(), r.problems());
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            return ApiError.response(status, status == 404 ? "not_found" : "request_failed",
                    status == 404 ? "No such resource." : "The request could not be processed (HTTP " + status + ").");
        }
        if (causedBy(e, OptimisticLockException.class)) {
            return ApiError.response(409, "conflict", "Someone else changed this in the meantime. Reload and try again.");
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.WARNING, "API request failed, incident " + incident, e);
        return ApiError.response(500, "internal_error", "Something went wrong on the server (incident " + incident + ").");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
