package org.calibrate.roster.entity;

import java.util.List;
import java.util.Optional;

/**
 * One member of a course as NRPS reports it (NRPS 2.0 §2.2). Roles are normalised to full LIS URIs
 * (Moodle sends the short context names such as {@code Instructor}).
 */
public record Member(String userId, List<String> roles, Status status, Optional<String> name,
                     Optional<String> givenName, Optional<String> familyName, Optional<String> email,
                     Optional<String> ltiUserId) {

    /** NRPS 2.0 §2.3: a member is Active unless the platform says otherwise. */
    public enum Status { ACTIVE, INACTIVE, DELETED }

    public Member {
        roles = List.copyOf(roles);
    }
}
