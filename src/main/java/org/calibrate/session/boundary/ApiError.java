package org.calibrate.session.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON error body of every {@code /api} failure: a stable code and a message for people. */
public record ApiError(String error, String message, java.util.List<String> problems) {
    public static Response response(int status, String error, String message) {
        return response(status, error, message, null);
    }

    /** @param problems each thing to fix, for forms that list them (null when there is only the message) */
    public static Response response(int status, String error, String message, java.util.List<String> problems) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(error, message, problems)).build();
    }
}
