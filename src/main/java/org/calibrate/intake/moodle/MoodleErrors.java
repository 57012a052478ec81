package org.calibrate.intake.moodle;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.calibrate.intake.control.SourceFailure;

import java.util.Optional;

/**
 * Moodle's web-service errors as failures a person can act on. Moodle reports them with HTTP 200
 * and a body {@code {"exception":…,"errorcode":…,"message":…}}; the error code, not the
 * translated message, says what happened.
 */
final class MoodleErrors {
    private MoodleErrors() {
    }

    static boolean isException(JsonObject reply) {
        return reply.containsKey("exception") && reply.containsKey("errorcode");
    }

    static SourceFailure failure(String function, JsonObject reply, String token) {
        String code = text(reply, "errorcode").orElse("");
        String exception = text(reply, "exception").orElse("");
        String said = MoodleText.quote(text(reply, "message").orElse(""), token);
        return switch (code) {
            case "invalidtoken" -> new SourceFailure("The Moodle web-service token was refused (invalidtoken); an admin sets a new token for this platform", false);
            case "accessexception" -> new SourceFailure("Moodle refused " + function + " (Access control exception): an admin checks that the external service of the token "
                    + "includes " + function + ", that the token's user is an authorised user of that service (and may call it from Calibrate's address), "
                    + "and that the user has the capability webservice/rest:use", false);
            case "nopermissions" -> new SourceFailure("The Moodle account behind the web-service token lacks a capability for " + function
                    + " (Moodle: \"" + said + "\"); it needs " + capabilityFor(function) + " in this course", false);
            case "requireloginerror", "errorcoursecontextnotvalid" -> new SourceFailure("The Moodle account behind the web-service token cannot enter this course ("
                    + code + "); a teacher enrols it or an admin gives it a role there", false);
            case "invalidrecord" -> new SourceFailure("Moodle has no such record for " + function + " (invalidrecord: \"" + said
                    + "\"); the course or assignment may have been deleted, or this Moodle does not know the call", false);
            case "invalidparameter" -> new SourceFailure("Moodle refused the parameters of " + function + " (invalidparameter"
                    + text(reply, "debuginfo").map(d -> ": \"" + MoodleText.quote(d, token) + "\"").orElse("") + "); this Moodle version may not support the call", false);
            case "sitemaintenance" -> new SourceFailure("Moodle is in maintenance mode; Calibrate tries again later", true);
            default -> new SourceFailure("Moodle refused " + function + " (" + (code.isEmpty() ? MoodleText.quote(exception, token) : MoodleText.quote(code, token))
                    + (said.isEmpty() ? "" : ": \"" + said + "\"") + ")", false);
        };
    }

    /** The capability a call checks first in the course or module; the one to name when Moodle says no. */
    static String capabilityFor(String function) {
        return switch (function) {
            case MoodleClient.GET_ASSIGNMENTS -> "mod/assign:view";
            case MoodleClient.GET_SUBMISSIONS -> "mod/assign:grade";
            case MoodleClient.GET_ENROLLED_USERS -> "moodle/course:viewparticipants";
            case MoodleClient.GET_COURSE_GROUPS -> "moodle/course:managegroups";
            default -> "the capability the call checks";
        };
    }

    private static Optional<String> text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }
}
