package org.calibrate.session.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.calibrate.session.control.AppSessions;
import org.calibrate.session.entity.SessionPrincipal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Authenticates and authorises every {@code /api} request: a valid session token, and a tool role
 * the resource allows. A resource without {@link Authenticated} or {@link Public} is refused, so a
 * forgotten annotation closes the door instead of opening it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthorization implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;
    @Inject
    AppSessions sessions;
    @Inject
    CurrentSession current;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        if (method.isAnnotationPresent(Public.class)) {
            return;
        }
        Authenticated rule = Optional.ofNullable(method.getAnnotation(Authenticated.class))
                .orElse(resource.getResourceClass().getAnnotation(Authenticated.class));
        if (rule == null) {
            request.abortWith(ApiError.response(403, "forbidden", "This endpoint is not open to any role."));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(ApiError.response(401, "unauthenticated", "Launch Calibrate from your course to get a session."));
            return;
        }
        Optional<SessionPrincipal> principal = sessions.verify(header.substring(7).trim());
        if (principal.isEmpty()) {
            request.abortWith(ApiError.response(401, "session_ended", "Your Calibrate session has ended. Launch Calibrate again from your course."));
            return;
        }
        if (Arrays.stream(rule.value()).noneMatch(r -> r == principal.get().toolRole())) {
            request.abortWith(ApiError.response(403, "forbidden", "Your role in this course does not allow this."));
            return;
        }
        current.set(principal.get());
    }
}
