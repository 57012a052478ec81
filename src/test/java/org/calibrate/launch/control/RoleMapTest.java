package org.calibrate.launch.control;

import org.calibrate.launch.entity.ToolRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoleMapTest {
    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

    @ParameterizedTest
    @ValueSource(strings = {LIS + "membership#Instructor", "Instructor", LIS + "membership/Instructor#TeachingAssistant",
            LIS + "membership#TeachingAssistant", LIS + "membership#ContentDeveloper", "ContentDeveloper"})
    void teachingRolesMakeATeacher(String role) {
        assertEquals(ToolRole.TEACHER, RoleMap.toolRole(List.of(role)));
    }

    @ParameterizedTest
    @ValueSource(strings = {LIS + "institution/person#Administrator", LIS + "system/person#Administrator",
            LIS + "membership#Administrator", LIS + "system/person#SysAdmin"})
    void administratorsAreAdmins(String role) {
        assertEquals(ToolRole.ADMIN, RoleMap.toolRole(List.of(role)));
    }

    @Test
    void adminWinsOverInstructor() {
        assertEquals(ToolRole.ADMIN, RoleMap.toolRole(List.of(LIS + "membership#Instructor", LIS + "institution/person#Administrator")));
    }

    @ParameterizedTest
    @ValueSource(strings = {LIS + "membership#Learner", "Learner", LIS + "membership#Mentor",
            LIS + "institution/person#Instructor", LIS + "institution/person#Faculty", LIS + "membership/Learner#Instructor"})
    void othersHaveNoAccess(String role) {
        assertEquals(ToolRole.NONE, RoleMap.toolRole(List.of(role)));
    }

    @Test
    void noRolesNoAccess() {
        assertEquals(ToolRole.NONE, RoleMap.toolRole(List.of()));
    }
}
