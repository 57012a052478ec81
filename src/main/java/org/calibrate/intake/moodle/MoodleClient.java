package org.calibrate.intake.moodle;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import org.calibrate.intake.control.SourceFailure;
import org.calibrate.intake.entity.SubmittedFile;
import org.calibrate.platform.control.ServiceUrls;

import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A client of Moodle's REST web services ({@code /webservice/rest/server.php}) for what intake needs:
 * a course's assignments, their submissions, the course's groups, and the submitted files.
 *
 * <p>Moodle answers errors with HTTP 200 and an exception object, so every reply is checked for one
 * ({@link MoodleErrors}). Transient trouble (timeouts, refused connections, HTTP 5xx and 429,
 * maintenance mode) is a retryable {@link SourceFailure}; everything else needs a person and says
 * what to change. The token is sent in the form body or in a download's query and never appears in
 * a failure message.
 */
public final class MoodleClient {
    static final String GET_ASSIGNMENTS = "mod_assign_get_assignments";
    static final String GET_SUBMISSIONS = "mod_assign_get_submissions";
    static final String GET_ENROLLED_USERS = "core_enrol_get_enrolled_users";
    static final String GET_COURSE_GROUPS = "core_group_get_course_groups";
    static final String REST_PATH = "/webservice/rest/server.php";
    /** Enough of an error page or error object to say what it was. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** One factory: {@code Json.createReader} looks the JSON provider up anew on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final HttpClient http;
    private final URI site;
    private final URI endpoint;
    private final String token;
    private final MoodleLimits limits;

    public MoodleClient(HttpClient http, URI siteUrl, String token) {
        this(http, siteUrl, token, MoodleLimits.DEFAULT);
    }

    public MoodleClient(HttpClient http, URI siteUrl, String token, MoodleLimits limits) {
        if (http == null || limits == null) {
            throw new IllegalArgumentException("a Moodle client needs an HTTP client and limits");
        }
        if (siteUrl == null || !ServiceUrls.acceptable(siteUrl) || siteUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("a Moodle site URL is an HTTPS address without query or fragment");
        }
        // Moodle's tokens are letters and digits (PARAM_ALPHANUM); anything else is a paste error, not a token.
        if (token == null || !token.matches("[A-Za-z0-9]{1,128}")) {
            throw new IllegalArgumentException("a Moodle web-service token is letters and digits");
        }
        this.http = http;
        this.site = siteUrl;
        this.endpoint = URI.create(siteUrl.getScheme() + "://" + siteUrl.getRawAuthority() + PluginFiles.basePath(siteUrl) + REST_PATH);
        this.token = token;
        this.limits = limits;
    }

    /** An HTTP client for Moodle: connecting times out after {@link MoodleLimits#CONNECT_TIMEOUT}, redirects are not followed. */
    public static HttpClient httpClient() {
        // A redirect from pluginfile.php is Moodle's login page, not the file: it must be seen, not followed.
        return HttpClient.newBuilder().connectTimeout(MoodleLimits.CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI site() {
        return site;
    }

    public MoodleLimits limits() {
        return limits;
    }

    /** The course's assignments the token's account may view, for a teacher to pick one. */
    public List<AssignmentSummary> assignments(long courseId) throws SourceFailure {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("courseids[0]", Long.toString(courseId));
        // Without it Moodle answers only for courses the account is enrolled in; a site-level service account is not.
        args.put("includenotenrolledcourses", "1");
        return MoodleReplies.assignments(call(GET_ASSIGNMENTS, args), courseId);
    }

    /** Each student's (or team's) latest attempt, whatever its status; Moodle's web services return no earlier attempts. */
    public List<MoodleSubmission> submissions(long assignmentId) throws SourceFailure {
        return submissions(assignmentId, Optional.empty(), Optional.empty());
    }

    /**
     * @param status only attempts with this status ({@code submitted}, {@code draft}, …)
     * @param since  only attempts modified at or after this time
     */
    public List<MoodleSubmission> submissions(long assignmentId, Optional<String> status, Optional<Instant> since) throws SourceFailure {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("assignmentids[0]", Long.toString(assignmentId));
        status.ifPresent(s -> args.put("status", s));
        since.ifPresent(s -> args.put("since", Long.toString(s.getEpochSecond())));
        return MoodleReplies.submissions(call(GET_SUBMISSIONS, args), assignmentId);
    }

    /** The course's participants with their groups; nothing else is asked for (Moodle adds the full name regardless). */
    public List<EnrolledUser> enrolledUsers(long courseId) throws SourceFailure {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("courseid", Long.toString(courseId));
        args.put("options[0][name]", "userfields");
        args.put("options[0][value]", "id,groups");
        return MoodleReplies.enrolledUsers(call(GET_ENROLLED_USERS, args));
    }

    /** Every group of the course, also those without members; needs moodle/course:managegroups. */
    public List<MoodleGroup> courseGroups(long courseId) throws SourceFailure {
        return MoodleReplies.groups(call(GET_COURSE_GROUPS, Map.of("courseid", Long.toString(courseId))));
    }

    /**
     * One submitted file, refused before the request when Moodle declares it larger than the limit and
     * cut off as soon as more arrives. A reply that is Moodle talking (a JSON error, its login page) or
     * that differs from the declared size is reported, never passed on as the student's work.
     *
     * @param position how the file is named in failures ("file 2 of 3"): file names often carry the student's name
     */
    public SubmittedFile download(MoodleFile file, String position) throws SourceFailure {
        String what = position + " (" + FileChecks.extension(file.name()) + ")";
        long max = limits.maxFileBytes();
        if (file.size() > max) {
            throw new SourceFailure(what + " is " + FileChecks.mib(file.size()) + " in Moodle, over the limit of " + FileChecks.mib(max)
                    + " per file; Calibrate did not download it", false);
        }
        URI url = PluginFiles.withToken(site, file.url(), token).orElseThrow(() -> new SourceFailure(
                "Moodle gave " + what + " an address outside its own pluginfile.php; Calibrate sends the token nowhere else", false));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(limits.requestTimeout()).GET().build();
        HttpResponse<byte[]> reply = exchange(request,
                info -> FileChecks.looksLikeFile(info.statusCode(), info.headers(), file) ? max : Math.min(max, MAX_ERROR_BODY),
                tooLarge -> tooLarge.limit() < max || tooLarge.status() != 200
                        ? new SourceFailure("Moodle sent a long web page or error (HTTP " + tooLarge.status() + ") instead of " + what
                        + "; an admin lets the token's external service download files (\"Can download files\")", false)
                        : new SourceFailure(what + " is larger than the limit of " + FileChecks.mib(max) + " per file; Calibrate stopped the download", false),
                "downloading " + what);
        return FileChecks.checked(reply, file, what, token);
    }

    JsonValue call(String function, Map<String, String> args) throws SourceFailure {
        StringJoiner form = new StringJoiner("&");
        form.add("wstoken=" + encode(token)).add("wsfunction=" + encode(function)).add("moodlewsrestformat=json");
        args.forEach((k, v) -> form.add(encode(k) + "=" + encode(v)));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(limits.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        HttpResponse<byte[]> reply = exchange(request, info -> info.statusCode() == 200 ? limits.maxReplyBytes() : MAX_ERROR_BODY,
                tooLarge -> tooLarge.status() != 200 ? httpFailure(function, tooLarge.status())
                        : new SourceFailure("Moodle's reply to " + function + " is larger than " + FileChecks.mib(limits.maxReplyBytes())
                        + "; Calibrate stopped reading", false),
                "calling " + function);
        int status = reply.statusCode();
        if (status != 200) {
            throw httpFailure(function, status);
        }
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        JsonValue json;
        try {
            json = READERS.createReader(new StringReader(body)).readValue();
        } catch (JsonException e) {
            throw new SourceFailure("Moodle's reply to " + function + " is not JSON (it begins \"" + MoodleText.quote(begin(body), token)
                    + "\"); a site that displays debugging messages mixes them into web-service replies, which an admin turns off", false);
        }
        if (json instanceof JsonObject o && MoodleErrors.isException(o)) {
            throw MoodleErrors.failure(function, o, token);
        }
        return json;
    }

    private SourceFailure httpFailure(String function, int status) {
        if (status == 429 || status == 408 || status >= 500) {
            return new SourceFailure("Moodle answered " + function + " with HTTP " + status + "; Calibrate tries again later", true);
        }
        return new SourceFailure(switch (status) {
            // Moodle's server.php answers 403 with an empty body when web services or the REST protocol are off.
            case 403 -> "Moodle refused web-service calls (HTTP 403): an admin enables web services and the REST protocol "
                    + "(Site administration › Server › Web services)";
            case 404 -> "There is no Moodle web-service endpoint at " + endpoint + " (HTTP 404); an admin checks the site address";
            case 301, 302, 303, 307, 308 -> "Moodle redirected the web-service call (HTTP " + status + "); an admin checks the site address "
                    + "(https, and the path Moodle calls wwwroot)";
            default -> "Moodle answered " + function + " with HTTP " + status;
        }, false);
    }

    /** Sends and reads the whole reply within the request timeout; transport trouble is retryable, an oversized body is not. */
    private HttpResponse<byte[]> exchange(HttpRequest request, ToLongFunction<HttpResponse.ResponseInfo> limitFor,
                                          Function<LimitedBody.TooLarge, SourceFailure> tooLarge, String doing) throws SourceFailure {
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, LimitedBody.handler(limitFor));
        long seconds = limits.requestTimeout().toSeconds();
        String within = seconds > 0 ? seconds + " s" : limits.requestTimeout().toMillis() + " ms";
        try {
            return pending.get(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new SourceFailure("Moodle did not finish " + doing + " within " + within + "; Calibrate tries again later", true);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceFailure("interrupted while " + doing, true);
        } catch (ExecutionException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof LimitedBody.TooLarge t) {
                    throw tooLarge.apply(t);
                }
                if (c instanceof HttpTimeoutException && !(c instanceof HttpConnectTimeoutException)) {
                    throw new SourceFailure("Moodle did not finish " + doing + " within " + within + "; Calibrate tries again later", true);
                }
                if (c instanceof ConnectException || c instanceof HttpConnectTimeoutException) {
                    throw new SourceFailure("Moodle cannot be reached at " + site.getHost() + " (" + c.getClass().getSimpleName()
                            + "); Calibrate tries again later", true);
                }
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // Only the class name, and no cause attached: I/O messages and stack traces may quote the URL,
            // and a download URL carries the token.
            throw new SourceFailure("the connection to Moodle failed while " + doing + " (" + cause.getClass().getSimpleName()
                    + "); Calibrate tries again later", true);
        }
    }

    private static String begin(String body) {
        String b = body.strip();
        return b.length() > 60 ? b.substring(0, 60) : b;
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MoodleClient[" + site + "]";
    }
}
