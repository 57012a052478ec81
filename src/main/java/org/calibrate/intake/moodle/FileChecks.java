package org.calibrate.intake.moodle;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.calibrate.intake.control.SourceFailure;
import org.calibrate.intake.entity.SubmittedFile;

import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whether a download from pluginfile.php is the student's file. When the token may not fetch
 * files, Moodle still answers HTTP 200, with a JSON error ({@code {"error":…,"errorcode":…}}) or,
 * on the browser URL, its login page: taken at face value that would be scored as the student's work.
 */
final class FileChecks {
    private FileChecks() {
    }

    /** Moodle talking instead of serving: a JSON or HTML reply where the file is of another type. */
    static boolean looksLikeFile(int status, HttpHeaders headers, MoodleFile file) {
        return status == 200 && !moodleSpeaks(contentType(headers), file);
    }

    static SubmittedFile checked(HttpResponse<byte[]> reply, MoodleFile file, String what, String token) throws SourceFailure {
        int status = reply.statusCode();
        if (status >= 300 && status < 400) {
            throw new SourceFailure("Moodle sent another page instead of " + what + " (HTTP " + status + ", usually its login page); "
                    + "an admin lets the token's external service download files (\"Can download files\")", false);
        }
        if (status == 429 || status == 408 || status >= 500) {
            throw new SourceFailure("Moodle answered the download of " + what + " with HTTP " + status + "; Calibrate tries again later", true);
        }
        byte[] body = reply.body();
        if (status == 404) {
            throw new SourceFailure(what + " is no longer in Moodle (HTTP 404); if the student has just changed the submission, import again", false);
        }
        if (status == 401 || status == 403) {
            throw new SourceFailure("Moodle refused the download of " + what + " (HTTP " + status + "); an admin lets the token's external service "
                    + "download files (\"Can download files\")", false);
        }
        if (status != 200) {
            throw new SourceFailure("Moodle answered the download of " + what + " with HTTP " + status, false);
        }
        String type = contentType(reply.headers());
        String start = start(body);
        boolean expectJson = expected(file).equals("application/json");
        boolean expectHtml = expected(file).equals("text/html");
        if (!expectJson && (type.equals("application/json") || start.startsWith("{\"error\""))) {
            throw moodleError(body, what, token);
        }
        if (!expectHtml && (type.equals("text/html") || start.toLowerCase(Locale.ROOT).startsWith("<!doctype html") || start.startsWith("<html"))) {
            throw new SourceFailure("Moodle sent a web page (usually its login page) instead of " + what + "; an admin lets the token's external "
                    + "service download files (\"Can download files\") and checks the token's user may see the assignment", false);
        }
        if (file.size() >= 0 && body.length != file.size()) {
            throw new SourceFailure("Moodle delivered " + body.length + " bytes for " + what + " where it listed " + file.size()
                    + "; Calibrate did not keep it. If the student has just changed the submission, import again", false);
        }
        return new SubmittedFile(file.name(), file.mimeType(), body);
    }

    private static SourceFailure moodleError(byte[] body, String what, String token) {
        String code = "";
        String message = "";
        try {
            JsonValue v = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readValue();
            if (v instanceof JsonObject o) {
                code = MoodleReplies.text(o, "errorcode").orElse("");
                message = MoodleReplies.text(o, "error").or(() -> MoodleReplies.text(o, "message")).orElse("");
            }
        } catch (JsonException notJson) {
            // The type said JSON; the words are lost, the fact remains.
        }
        String said = code.isEmpty() ? "" : " (" + MoodleText.quote(code, token)
                + (message.isEmpty() ? "" : ": \"" + MoodleText.quote(message, token) + "\"") + ")";
        if (code.equals("invalidtoken")) {
            return new SourceFailure("The Moodle web-service token was refused (invalidtoken) when downloading " + what
                    + "; an admin sets a new token for this platform", false);
        }
        return new SourceFailure("Moodle sent an error instead of " + what + said + "; an admin lets the token's external service "
                + "download files (\"Can download files\") and checks the token's user may see the assignment", false);
    }

    private static boolean moodleSpeaks(String type, MoodleFile file) {
        String expected = expected(file);
        return (type.equals("application/json") || type.equals("text/html")) && !type.equals(expected);
    }

    private static String expected(MoodleFile file) {
        return file.mimeType().map(FileChecks::bare).orElse("");
    }

    private static String contentType(HttpHeaders headers) {
        return headers.firstValue("Content-Type").map(FileChecks::bare).orElse("");
    }

    private static String bare(String type) {
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static String start(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1);
        // A byte-order mark or whitespace may come first.
        return s.replaceFirst("^[\\s\u00ef\u00bb\u00bf]+", "");
    }

    /** ".docx", or "no extension": how a file is named in failures without its name. */
    static String extension(String name) {
        int slash = name.lastIndexOf('/');
        String last = name.substring(slash + 1);
        int dot = last.lastIndexOf('.');
        String ext = dot <= 0 || dot == last.length() - 1 ? "" : last.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,10}") ? ext : "no extension";
    }

    static String mib(long bytes) {
        if (bytes >= 1024 * 1024) {
            double m = bytes / (1024.0 * 1024.0);
            return (m == Math.rint(m) ? String.valueOf((long) m) : String.format(Locale.ROOT, "%.1f", m)) + " MiB";
        }
        return Math.max(1, (bytes + 1023) / 1024) + " KiB";
    }
}
