package org.calibrate.intake.moodle;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Source keys, fingerprints and handles of listed Moodle submissions. All three are computed from the
 * reply alone, so listing the same Moodle data twice gives the same values, and any change a student
 * makes (a new attempt, an edit, another file) gives a new fingerprint.
 */
final class ListingKeys {
    static final int MAX_HANDLE = 4000;
    /** One factory: {@code Json.createObjectBuilder()} looks the provider up anew on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private ListingKeys() {
    }

    /** {@code moodle:7:42} for a student, {@code moodle:7:group:3} for a team: one key per submitter, whatever the attempt. */
    static String sourceKey(long assignmentId, MoodleSubmission s) {
        return prefix(assignmentId) + (s.team() ? "group:" + s.groupId() : Long.toString(s.userId()));
    }

    static String prefix(long assignmentId) {
        return "moodle:" + assignmentId + ":";
    }

    /**
     * {@code <attempt>:<timemodified>:<digest>}; the digest covers each file's name, size and time and
     * the online text, because Moodle does not always move the submission's time when a file changes.
     */
    static String fingerprint(MoodleSubmission s) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (MoodleFile f : sorted(s.files())) {
            sha.update((f.name() + '\0' + f.size() + '\0' + f.modified().map(m -> m.getEpochSecond()).orElse(0L) + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        sha.update(("text\0" + s.onlineText().orElse("")).getBytes(StandardCharsets.UTF_8));
        return s.attemptNumber() + ":" + s.modified().getEpochSecond() + ":" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /**
     * What was listed, in compact JSON: user, group, attempt, time, and the files (name, size, address
     * without the token). Files are left off from the end when they would not fit the 4000 characters
     * an import item keeps; {@code omitted} counts them. Online text is never in it: a fetch reads it from Moodle.
     */
    static String handle(MoodleSubmission s) {
        List<JsonObject> files = sorted(s.files()).stream().map(f -> JSON.createObjectBuilder().add("name", f.name())
                .add("size", f.size()).add("url", f.url().toString()).build()).toList();
        // Each file costs its JSON and a comma; the fields around them stay under 200 characters.
        int budget = MAX_HANDLE - 200;
        int kept = 0;
        for (JsonObject f : files) {
            budget -= f.toString().length() + 1;
            if (budget < 0) {
                break;
            }
            kept++;
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        files.subList(0, kept).forEach(list::add);
        JsonObjectBuilder h = JSON.createObjectBuilder().add("user", s.userId()).add("group", s.groupId())
                .add("attempt", s.attemptNumber()).add("modified", s.modified().getEpochSecond()).add("files", list);
        if (kept < files.size()) {
            h.add("omitted", files.size() - kept);
        }
        return h.build().toString();
    }

    /** The attempt (from 1) and time a handle recorded, for messages about what changed since. */
    static String describe(String handle) {
        try {
            JsonObject h = Json.createReader(new StringReader(handle)).readObject();
            long attempt = MoodleReplies.number(h, "attempt").orElse(-1);
            long modified = MoodleReplies.number(h, "modified").orElse(-1);
            if (attempt >= 0 && modified >= 0) {
                return "attempt " + (attempt + 1) + " of " + Instant.ofEpochSecond(modified);
            }
        } catch (RuntimeException unreadable) {
            // A handle from another version or hand-edited: say less.
        }
        return "the listed attempt";
    }

    private static List<MoodleFile> sorted(List<MoodleFile> files) {
        return files.stream().sorted(Comparator.comparing(MoodleFile::name).thenComparing(f -> f.url().toString())).toList();
    }
}
