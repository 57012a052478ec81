package org.calibrate.session.entity;

import org.calibrate.launch.entity.ToolRole;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling the API, as the session token says: user, course, placement, tool role, and what
 * the launch was for.
 *
 * @param placementId   the Calibrate placement of the resource link launched; empty for deep linking
 * @param deepLinkingId the pending deep linking request this session may answer
 * @param forUser       the learner a submission review is about (platform user id)
 */
public record SessionPrincipal(String userId, String courseId, long platformId, String deploymentId,
                               Optional<String> placementId, Purpose purpose, Optional<String> deepLinkingId,
                               Optional<String> forUser, ToolRole toolRole, List<String> ltiRoles, Instant expiresAt) {
    /** What the launch that opened the session asked for. */
    public enum Purpose { RESOURCE_LINK, DEEP_LINKING, SUBMISSION_REVIEW }

    public SessionPrincipal {
        ltiRoles = List.copyOf(ltiRoles);
    }
}
