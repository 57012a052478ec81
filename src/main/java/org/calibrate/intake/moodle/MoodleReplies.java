package org.calibrate.intake.moodle;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.calibrate.intake.control.SourceFailure;
import org.calibrate.platform.control.ServiceUrls;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Moodle's web-service replies (the shapes of Moodle 3.x to 5.x; older fields are optional).
 * Moodle reports what a call could not return as {@code warnings} next to the data, not as an
 * error: a missing capability on one assignment is a warning, so the warnings are read too.
 */
final class MoodleReplies {
    /** The submission plugin holding uploaded files, and its file area; other plugins' areas (images in online text) are not submissions. */
    static final String FILE_PLUGIN = "file";
    static final String FILE_AREA = "submission_files";
    static final String TEXT_PLUGIN = "onlinetext";

    private MoodleReplies() {
    }

    static List<AssignmentSummary> assignments(JsonValue reply, long courseId) throws SourceFailure {
        JsonObject root = object(reply, MoodleClient.GET_ASSIGNMENTS);
        for (JsonObject course : objects(root.get("courses"))) {
            if (number(course, "id").orElse(-1) != courseId) {
                continue;
            }
            List<AssignmentSummary> found = new ArrayList<>();
            for (JsonObject a : objects(course.get("assignments"))) {
                OptionalLong id = number(a, "id");
                if (id.isEmpty()) {
                    continue;
                }
                long due = number(a, "duedate").orElse(0);
                found.add(new AssignmentSummary(id.getAsLong(), number(a, "cmid").orElse(0), number(a, "course").orElse(courseId),
                        text(a, "name").orElse(""), due > 0 ? Optional.of(Instant.ofEpochSecond(due)) : Optional.empty(),
                        number(a, "teamsubmission").orElse(0) != 0));
            }
            // Moodle skips an assignment the account may not view and says so only in a warning.
            if (found.isEmpty() && warnings(root).stream().anyMatch(w -> "module".equals(w.item()) && "1".equals(w.code()))) {
                throw new SourceFailure("The Moodle account behind the web-service token may not view this course's assignments; it needs "
                        + MoodleErrors.capabilityFor(MoodleClient.GET_ASSIGNMENTS), false);
            }
            return found;
        }
        for (Warning w : warnings(root)) {
            if ("course".equals(w.item()) && w.itemId() == courseId) {
                throw new SourceFailure("Moodle does not show course " + courseId + " to the account behind the web-service token ("
                        + ("2".equals(w.code()) ? "not enrolled or missing a capability" : "no access rights in the course")
                        + "); a teacher enrols it or an admin gives it a role there", false);
            }
        }
        throw new SourceFailure("Moodle lists no course " + courseId + " for the account behind the web-service token", false);
    }

    static List<MoodleSubmission> submissions(JsonValue reply, long assignmentId) throws SourceFailure {
        JsonObject root = object(reply, MoodleClient.GET_SUBMISSIONS);
        for (JsonObject a : objects(root.get("assignments"))) {
            if (number(a, "assignmentid").orElse(-1) != assignmentId) {
                continue;
            }
            List<MoodleSubmission> found = new ArrayList<>();
            for (JsonObject s : objects(a.get("submissions"))) {
                found.add(submission(s));
            }
            return found;
        }
        for (Warning w : warnings(root)) {
            if ("assignment".equals(w.item()) && w.itemId() == assignmentId && "1".equals(w.code())) {
                throw new SourceFailure("The Moodle account behind the web-service token may not read this assignment's submissions; it needs "
                        + MoodleErrors.capabilityFor(MoodleClient.GET_SUBMISSIONS) + " (a teacher's right to grade)", false);
            }
        }
        // Moodle answers an unknown assignment with nothing at all, not an error.
        throw new SourceFailure("Moodle has no assignment " + assignmentId + ": it was deleted, or the number is the course module id "
                + "(the id= in the assignment's address) rather than the assignment's own", false);
    }

    static List<EnrolledUser> enrolledUsers(JsonValue reply) throws SourceFailure {
        List<EnrolledUser> users = new ArrayList<>();
        for (JsonObject u : objects(array(reply, MoodleClient.GET_ENROLLED_USERS))) {
            OptionalLong id = number(u, "id");
            if (id.isPresent()) {
                users.add(new EnrolledUser(id.getAsLong(), groupList(u.get("groups"))));
            }
        }
        return users;
    }

    static List<MoodleGroup> groups(JsonValue reply) throws SourceFailure {
        return groupList(array(reply, MoodleClient.GET_COURSE_GROUPS));
    }

    private static MoodleSubmission submission(JsonObject s) throws SourceFailure {
        Optional<String> text = Optional.empty();
        List<MoodleFile> files = new ArrayList<>();
        for (JsonObject plugin : objects(s.get("plugins"))) {
            String type = text(plugin, "type").orElse("");
            if (TEXT_PLUGIN.equals(type)) {
                for (JsonObject field : objects(plugin.get("editorfields"))) {
                    if (TEXT_PLUGIN.equals(text(field, "name").orElse(TEXT_PLUGIN))) {
                        text = text(field, "text");
                    }
                }
            } else if (FILE_PLUGIN.equals(type)) {
                for (JsonObject area : objects(plugin.get("fileareas"))) {
                    if (FILE_AREA.equals(text(area, "area").orElse(""))) {
                        for (JsonObject f : objects(area.get("files"))) {
                            files.add(file(f));
                        }
                    }
                }
            }
        }
        long modified = number(s, "timemodified").orElse(0);
        return new MoodleSubmission(number(s, "id").orElse(0), number(s, "userid").orElse(0), number(s, "groupid").orElse(0),
                (int) number(s, "attemptnumber").orElse(0), text(s, "status").orElse(""), Instant.ofEpochSecond(modified), text, files);
    }

    private static MoodleFile file(JsonObject f) throws SourceFailure {
        Optional<URI> url = text(f, "fileurl").flatMap(ServiceUrls::parse);
        if (url.isEmpty()) {
            throw new SourceFailure("Moodle listed a submitted file without a usable download address", false);
        }
        String folder = text(f, "filepath").orElse("/");
        String name = text(f, "filename").orElseGet(() -> lastSegment(url.get()));
        // Moodle 2.x put the whole path in filepath; later versions split folder and name.
        String full = folder.endsWith("/" + name) || folder.equals(name) ? folder : folder + name;
        while (full.startsWith("/")) {
            full = full.substring(1);
        }
        long modified = number(f, "timemodified").orElse(0);
        return new MoodleFile(full.isBlank() ? "file" : full, number(f, "filesize").orElse(-1), url.get(),
                modified > 0 ? Optional.of(Instant.ofEpochSecond(modified)) : Optional.empty(), text(f, "mimetype"));
    }

    private static String lastSegment(URI url) {
        String p = url.getPath() == null ? "" : url.getPath();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static List<MoodleGroup> groupList(JsonValue value) {
        List<MoodleGroup> groups = new ArrayList<>();
        for (JsonObject g : objects(value)) {
            OptionalLong id = number(g, "id");
            if (id.isPresent()) {
                groups.add(new MoodleGroup(id.getAsLong(), text(g, "name").orElse("")));
            }
        }
        return groups;
    }

    private record Warning(String item, long itemId, String code) {
    }

    private static List<Warning> warnings(JsonObject root) {
        List<Warning> warnings = new ArrayList<>();
        for (JsonObject w : objects(root.get("warnings"))) {
            // warningcode is a string in the reply structure, but be lenient about numbers.
            String code = w.get("warningcode") instanceof JsonNumber n ? n.toString() : text(w, "warningcode").orElse("");
            warnings.add(new Warning(text(w, "item").orElse(""), number(w, "itemid").orElse(-1), code));
        }
        return warnings;
    }

    private static JsonObject object(JsonValue reply, String function) throws SourceFailure {
        if (reply instanceof JsonObject o) {
            return o;
        }
        throw new SourceFailure("Moodle's reply to " + function + " is not the object that call returns", false);
    }

    private static JsonArray array(JsonValue reply, String function) throws SourceFailure {
        if (reply instanceof JsonArray a) {
            return a;
        }
        throw new SourceFailure("Moodle's reply to " + function + " is not the list that call returns", false);
    }

    private static List<JsonObject> objects(JsonValue value) {
        List<JsonObject> objects = new ArrayList<>();
        if (value instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonObject o) {
                    objects.add(o);
                }
            }
        }
        return objects;
    }

    static Optional<String> text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    /** Moodle's integers, also when a plugin or an old version sends them as strings. */
    static OptionalLong number(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return OptionalLong.of(n.longValue());
        }
        if (v instanceof JsonString s && s.getString().strip().matches("-?\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(s.getString().strip()));
        }
        return OptionalLong.empty();
    }
}
