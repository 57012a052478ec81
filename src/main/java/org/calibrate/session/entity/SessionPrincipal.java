package org.calibrate.session.entity;

import org.calibrate.launch.entity.ToolRole;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who is calling the API, as the session token says: user, course, placement and tool role. */
public record SessionPrincipal(String userId, String courseId, long platformId, String deploymentId,
                               String resourceLinkId, Optional<String> resourceLinkTitle, ToolRole toolRole,
                               List<String> ltiRoles, Instant expiresAt) {
    public SessionPrincipal {
        ltiRoles = List.copyOf(ltiRoles);
    }
}
