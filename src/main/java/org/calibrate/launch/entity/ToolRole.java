package org.calibrate.launch.entity;

/**
 * What a launch may do in Calibrate. Moderator rights are granted per round inside the tool, not by
 * the LMS role (Moodle sends a department head as an ordinary Instructor).
 */
public enum ToolRole {
    /** Instructor, TeachingAssistant, ContentDeveloper: may score, and may set up rounds. */
    TEACHER,
    /** Institution, system or context Administrator: registrations and keys, plus everything a teacher does. */
    ADMIN,
    /** Learners and every other role: a friendly page and no access to any API. */
    NONE
}
