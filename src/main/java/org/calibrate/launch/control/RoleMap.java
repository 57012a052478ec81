package org.calibrate.launch.control;

import org.calibrate.launch.entity.ToolRole;

import java.util.Collection;
import java.util.Set;

/**
 * Maps LTI role URIs (LTI Core §A.2) to tool roles.
 *
 * <ul>
 *   <li>context Instructor, its sub-roles (e.g. {@code membership/Instructor#TeachingAssistant}),
 *       TeachingAssistant and ContentDeveloper → {@link ToolRole#TEACHER}</li>
 *   <li>institution, system or context Administrator (and the context Administrator's sub-roles) → {@link ToolRole#ADMIN}</li>
 *   <li>anything else, Learner included → {@link ToolRole#NONE}</li>
 * </ul>
 * Only context (membership) roles make a teacher: Canvas also sends the institution role
 * {@code institution/person#Instructor} to a faculty member who is a student in this course.
 * Short names ({@code Instructor}), deprecated but still sent (Moodle's NRPS), are read as context roles.
 */
public final class RoleMap {
    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private static final String MEMBERSHIP_SUB = "http://purl.imsglobal.org/vocab/lis/v2/membership/";
    private static final Set<String> TEACHING = Set.of("Instructor", "TeachingAssistant", "ContentDeveloper");
    private static final Set<String> ADMINISTRATOR = Set.of(
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin",
            MEMBERSHIP + "Administrator",
            "Administrator");

    private RoleMap() {
    }

    public static ToolRole toolRole(Collection<String> roles) {
        if (roles.stream().anyMatch(r -> ADMINISTRATOR.contains(r) || r.startsWith(MEMBERSHIP_SUB + "Administrator#"))) {
            return ToolRole.ADMIN;
        }
        if (roles.stream().anyMatch(RoleMap::teaching)) {
            return ToolRole.TEACHER;
        }
        return ToolRole.NONE;
    }

    private static boolean teaching(String role) {
        if (role.startsWith(MEMBERSHIP)) {
            return TEACHING.contains(role.substring(MEMBERSHIP.length()));
        }
        if (role.startsWith(MEMBERSHIP_SUB)) {
            // Sub-role: membership/Instructor#TeachingAssistant etc. The principal role decides.
            String principal = role.substring(MEMBERSHIP_SUB.length()).split("#", 2)[0];
            return TEACHING.contains(principal);
        }
        return TEACHING.contains(role);
    }
}
