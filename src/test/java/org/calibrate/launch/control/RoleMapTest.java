package org.calibrate.launch.control;

import org.calibrate.launch.entity.ToolRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** LTI Core §A.2 role vocabularies mapped to what a launch may do in Calibrate. */
class RoleMapTest {
    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";
    private static final String INSTRUCTOR = LIS + "membership#Instructor";
    private static final String INSTITUTION_ADMIN = LIS + "institution/person#Administrator";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            LIS + "membership#Instructor",
            "Instructor",
            LIS + "membership/Instructor#TeachingAssistant",
            LIS + "membership#TeachingAssistant",
            LIS + "membership#ContentDeveloper"})
    @DisplayName("LTI Core §A.2.3: context Instructor (full, short, sub-role), TeachingAssistant and ContentDeveloper teach")
    void teachingRoles(String role) {
        assertEquals(ToolRole.TEACHER, RoleMap.toolRole(List.of(role)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            LIS + "institution/person#Administrator",
            LIS + "system/person#Administrator",
            LIS + "membership#Administrator",
            LIS + "membership/Administrator#SystemAdministrator"})
    @DisplayName("LTI Core §A.2.1–A.2.3: institution, system and context Administrator (and its sub-roles) are admins")
    void administratorRoles(String role) {
        assertEquals(ToolRole.ADMIN, RoleMap.toolRole(List.of(role)));
    }

    @Test
    @DisplayName("a Moodle site admin teaching the course (Instructor + Administrator) is an admin, in either order")
    void adminWinsOverInstructor() {
        assertEquals(ToolRole.ADMIN, RoleMap.toolRole(List.of(INSTRUCTOR, INSTITUTION_ADMIN)));
        assertEquals(ToolRole.ADMIN, RoleMap.toolRole(List.of(INSTITUTION_ADMIN, INSTRUCTOR)));
    }

    @Test
    @DisplayName("a teaching role wins over a learner role in the same launch")
    void instructorWinsOverLearner() {
        assertEquals(ToolRole.TEACHER, RoleMap.toolRole(List.of(LIS + "membership#Learner", INSTRUCTOR)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            LIS + "membership#Learner",
            "Learner",
            LIS + "membership#Mentor",
            LIS + "institution/person#Instructor"})
    @DisplayName("learners, mentors and a Canvas faculty member who is a student here get no access")
    void noAccessRoles(String role) {
        assertEquals(ToolRole.NONE, RoleMap.toolRole(List.of(role)));
    }

    @Test
    @DisplayName("LTI Core §5.3.7: an empty roles list gets no access")
    void noRoles() {
        assertEquals(ToolRole.NONE, RoleMap.toolRole(List.of()));
    }
}
