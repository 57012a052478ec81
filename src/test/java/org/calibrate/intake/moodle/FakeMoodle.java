package org.calibrate.intake.moodle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Moodle site for tests, answering as Moodle 4.x/5.x does: {@code /webservice/rest/server.php} with
 * the reply shapes of {@code mod_assign_get_assignments}, {@code mod_assign_get_submissions},
 * {@code core_enrol_get_enrolled_users} and {@code core_group_get_course_groups}, files from
 * {@code /webservice/pluginfile.php} with {@code ?token=}, and the browser's {@code /pluginfile.php}
 * redirecting to the login page.
 *
 * <p>What it copies from Moodle, because clients trip over it: errors come as HTTP 200 with an
 * exception object; a missing capability on {@code get_submissions} is a <em>warning</em> and no
 * data, on the other calls an exception; an unknown assignment is an empty reply; only the highest
 * attempt per user and group is returned; in team assignments the work sits on a row of user 0 and
 * each member has a content-less row mirroring its status; {@code get_enrolled_users} always adds
 * the full name; the token is checked on every call and every download.
 *
 * <p>The site lives under a path ({@code http://127.0.0.1:port/moodle}), as many real ones do.
 * Build a course with {@link #course}, switch faults with {@link #fault}, {@link #revoke},
 * {@link #withoutFunction} and {@link #fileDownloads}; {@link #calls()} records what was asked.
 */
public final class FakeMoodle implements AutoCloseable {
    public static final String PATH = "/moodle";
    public static final Instant BASE_TIME = Instant.parse("2026-03-02T09:00:00Z");

    /** Trouble a real site or what stands in front of it produces. */
    public enum Fault {
        /** Every request: HTTP 500 with an HTML page (PHP fatal error, proxy error). */
        HTTP_500,
        /** Every request: HTTP 429 from a rate-limiting proxy. */
        TOO_MANY_REQUESTS,
        /** Every request waits {@link #slowBy} before answering. */
        SLOW,
        /** Web-service calls: the {@code sitemaintenance} exception of a site in maintenance mode. */
        MAINTENANCE,
        /** Web-service calls: PHP notices printed before the JSON, as with "Display debug messages" on. */
        DEBUG_NOTICES,
        /** Downloads: HTTP 200 with the HTML login page instead of the file. */
        LOGIN_PAGE_FOR_FILES,
        /** Replies give file URLs on the browser's {@code /pluginfile.php}, which needs a session (plugins and old versions do). */
        BROWSER_FILE_URLS
    }

    /** One web-service call as received, without the token. */
    public record Call(String function, Map<String, String> parameters) {
    }

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final Map<String, String> CAPABILITY_NAMES = Map.of(
            "mod/assign:view", "View assignment",
            "mod/assign:grade", "Grade assignment",
            "moodle/course:viewparticipants", "View participants",
            "moodle/course:managegroups", "Manage groups");
    private static final Set<String> FUNCTIONS = Set.of(MoodleClient.GET_ASSIGNMENTS, MoodleClient.GET_SUBMISSIONS,
            MoodleClient.GET_ENROLLED_USERS, MoodleClient.GET_COURSE_GROUPS, "core_webservice_get_site_info");

    private final HttpServer server;
    private final ExecutorService executor;
    private final String token;
    private final Map<Long, Course> courses = new LinkedHashMap<>();
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Set<Fault> faults = Collections.synchronizedSet(EnumSet.noneOf(Fault.class));
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Set<String> removedFunctions = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> downloads = new CopyOnWriteArrayList<>();
    private volatile boolean fileDownloads = true;
    private volatile Duration slowBy = Duration.ofSeconds(2);
    private long nextSubmissionId = 11;
    private long nextContextId = 90;
    private long clockMinutes;

    private FakeMoodle(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-moodle");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH + MoodleClient.REST_PATH, this::rest);
        server.createContext(PATH + "/webservice/pluginfile.php/", this::webServiceFile);
        server.createContext(PATH + "/pluginfile.php/", this::browserFile);
        server.createContext(PATH + "/login/index.php", this::loginPage);
        server.start();
    }

    /** A site on a free loopback port with a random token (32 letters and digits, as Moodle makes them). */
    public static FakeMoodle start() throws IOException {
        String alphabet = "abcdef0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            t.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return new FakeMoodle(t.toString());
    }

    public URI siteUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    public String token() {
        return token;
    }

    public synchronized Course course(long id, String fullname) {
        return courses.computeIfAbsent(id, i -> new Course(i, fullname));
    }

    public FakeMoodle fault(Fault fault) {
        faults.add(fault);
        return this;
    }

    public FakeMoodle clearFaults() {
        faults.clear();
        return this;
    }

    public FakeMoodle slowBy(Duration delay) {
        slowBy = delay;
        return this;
    }

    /** Takes a capability from the token's account ({@code mod/assign:grade}, {@code webservice/rest:use}, …). */
    public FakeMoodle revoke(String capability) {
        revoked.add(capability);
        return this;
    }

    public FakeMoodle grant(String capability) {
        revoked.remove(capability);
        return this;
    }

    /** Leaves a function out of the token's external service. */
    public FakeMoodle withoutFunction(String function) {
        removedFunctions.add(function);
        return this;
    }

    /** The external service's "Can download files". */
    public FakeMoodle fileDownloads(boolean allowed) {
        fileDownloads = allowed;
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public long calls(String function) {
        return calls.stream().filter(c -> c.function().equals(function)).count();
    }

    /** The raw query of every download request, token included, for checks on how files were asked for. */
    public List<String> downloads() {
        return List.copyOf(downloads);
    }

    /** Bytes of a file written to the network so far (less than its size when the client hung up). */
    public long bytesSent(String fileName) {
        return files.values().stream().filter(f -> f.name.equals(fileName)).mapToLong(f -> f.sent.get()).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the course model -------------------------------------------------------------------------

    public record Group(long id, String name) {
    }

    private record Person(long id, String fullname, String role, List<Group> groups) {
    }

    public final class Course {
        private final long id;
        private final String fullname;
        private final Map<Long, Group> groups = new LinkedHashMap<>();
        private final Map<Long, Person> people = new LinkedHashMap<>();
        private final Map<Long, Assignment> assignments = new LinkedHashMap<>();

        private Course(long id, String fullname) {
            this.id = id;
            this.fullname = fullname;
        }

        public Group group(long groupId, String name) {
            synchronized (FakeMoodle.this) {
                Group g = new Group(groupId, name);
                groups.put(groupId, g);
                return g;
            }
        }

        public Course student(long userId, String name, Group... in) {
            return person(userId, name, "student", in);
        }

        public Course teacher(long userId, String name, Group... in) {
            return person(userId, name, "editingteacher", in);
        }

        /** Takes a student out of the course; their submissions stay, as in Moodle. */
        public Course unenrol(long userId) {
            synchronized (FakeMoodle.this) {
                people.remove(userId);
                return this;
            }
        }

        private Course person(long userId, String name, String role, Group... in) {
            synchronized (FakeMoodle.this) {
                people.put(userId, new Person(userId, name, role, List.of(in)));
                return this;
            }
        }

        public Assignment assignment(long assignmentId, long cmid, String name) {
            synchronized (FakeMoodle.this) {
                return assignments.computeIfAbsent(assignmentId, a -> new Assignment(this, a, cmid, name, nextContextId++));
            }
        }
    }

    public final class Assignment {
        private final Course course;
        private final long id;
        private final long cmid;
        private final long contextId;
        private final String name;
        private Instant due;
        private boolean team;
        private final List<Attempt> attempts = new ArrayList<>();

        private Assignment(Course course, long id, long cmid, String name, long contextId) {
            this.course = course;
            this.id = id;
            this.cmid = cmid;
            this.name = name;
            this.contextId = contextId;
        }

        public Assignment due(Instant when) {
            synchronized (FakeMoodle.this) {
                due = when;
                return this;
            }
        }

        /** Students submit in groups. */
        public Assignment team() {
            synchronized (FakeMoodle.this) {
                team = true;
                return this;
            }
        }

        /** A new attempt of this student: attempt 0 first, then one more than the last (a reopened submission). */
        public Attempt submission(long userId) {
            return newAttempt(userId, 0);
        }

        /** A new attempt of a group in a team assignment (group 0: students in no group). */
        public Attempt teamSubmission(Group group) {
            return newAttempt(0, group == null ? 0 : group.id());
        }

        private Attempt newAttempt(long userId, long groupId) {
            synchronized (FakeMoodle.this) {
                int number = attempts.stream().filter(a -> a.userId == userId && a.groupId == groupId)
                        .mapToInt(a -> a.number + 1).max().orElse(0);
                Attempt a = new Attempt(this, nextSubmissionId++, userId, groupId, number, BASE_TIME.plus(Duration.ofMinutes(++clockMinutes)));
                attempts.add(a);
                return a;
            }
        }
    }

    public final class Attempt {
        private final Assignment assignment;
        private final long id;
        private final long userId;
        private final long groupId;
        private final int number;
        private final Instant created;
        private Instant modified;
        private String status = "submitted";
        private String onlineText;
        private final List<StoredFile> attached = new ArrayList<>();

        private Attempt(Assignment assignment, long id, long userId, long groupId, int number, Instant created) {
            this.assignment = assignment;
            this.id = id;
            this.userId = userId;
            this.groupId = groupId;
            this.number = number;
            this.created = created;
            this.modified = created;
        }

        public Attempt status(String value) {
            synchronized (FakeMoodle.this) {
                status = value;
                return this;
            }
        }

        public Attempt modified(Instant when) {
            synchronized (FakeMoodle.this) {
                modified = when;
                return this;
            }
        }

        public Attempt onlineText(String html) {
            synchronized (FakeMoodle.this) {
                onlineText = html;
                return this;
            }
        }

        public Attempt file(String fileName, String mimeType, byte[] content) {
            return attach(new StoredFile(fileName, mimeType, content, content.length, content.length));
        }

        /** A file of {@code size} generated bytes, streamed without a length (chunked), never held in memory. */
        public Attempt generatedFile(String fileName, String mimeType, long size) {
            return attach(new StoredFile(fileName, mimeType, null, size, size));
        }

        /** The size the listing gives for the last file, whatever its content is. */
        public Attempt declaredSize(long size) {
            synchronized (FakeMoodle.this) {
                attached.get(attached.size() - 1).declared = size;
                return this;
            }
        }

        private Attempt attach(StoredFile f) {
            synchronized (FakeMoodle.this) {
                f.modified = modified;
                attached.add(f);
                files.put(relativePath(f), f);
                return this;
            }
        }

        private String relativePath(StoredFile f) {
            return "/" + assignment.contextId + "/assignsubmission_file/submission_files/" + id + "/" + encodePath(f.name);
        }
    }

    private static final class StoredFile {
        final String name;
        final String mimeType;
        final byte[] content;
        final long size;
        final AtomicLong sent = new AtomicLong();
        volatile long declared;
        Instant modified;

        StoredFile(String name, String mimeType, byte[] content, long size, long declared) {
            this.name = name;
            this.mimeType = mimeType;
            this.content = content;
            this.size = size;
            this.declared = declared;
        }
    }

    // ---- /webservice/rest/server.php -----------------------------------------------------------------

    private void rest(HttpExchange ex) throws IOException {
        try {
            if (answeredByFault(ex)) {
                return;
            }
            Map<String, String> params = new LinkedHashMap<>(form(ex.getRequestURI().getRawQuery()));
            if ("POST".equals(ex.getRequestMethod())) {
                params.putAll(form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            }
            String function = params.getOrDefault("wsfunction", "");
            Map<String, String> logged = new LinkedHashMap<>(params);
            logged.remove("wstoken");
            calls.add(new Call(function, Collections.unmodifiableMap(logged)));
            String body;
            synchronized (this) {
                body = dispatch(function, params);
            }
            if (!"json".equals(params.get("moodlewsrestformat"))) {
                // Moodle's default format is XML; a client that forgets the parameter gets it.
                send(ex, 200, "application/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<RESPONSE></RESPONSE>\n");
                return;
            }
            if (faults.contains(Fault.DEBUG_NOTICES)) {
                body = "<br />\n<b>Notice</b>:  Undefined property: stdClass::$grade in <b>/var/www/moodle/mod/assign/locallib.php</b> on line <b>4021</b><br />\n" + body;
            }
            send(ex, 200, "application/json; charset=utf-8", body);
        } finally {
            ex.close();
        }
    }

    private String dispatch(String function, Map<String, String> p) {
        if (!token.equals(p.get("wstoken"))) {
            return exception("moodle_exception", "invalidtoken", "Invalid token - token not found");
        }
        if (faults.contains(Fault.MAINTENANCE)) {
            return exception("moodle_exception", "sitemaintenance", "Site is undergoing maintenance and is currently not available");
        }
        if (revoked.contains("webservice/rest:use")) {
            return exception("webservice_access_exception", "accessexception", "Access control exception");
        }
        if (!FUNCTIONS.contains(function)) {
            return exception("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table external_functions.");
        }
        if (removedFunctions.contains(function)) {
            return exception("webservice_access_exception", "accessexception", "Access control exception");
        }
        try {
            return switch (function) {
                case MoodleClient.GET_ASSIGNMENTS -> assignments(p);
                case MoodleClient.GET_SUBMISSIONS -> submissions(p);
                case MoodleClient.GET_ENROLLED_USERS -> enrolledUsers(p);
                case MoodleClient.GET_COURSE_GROUPS -> courseGroups(p);
                default -> JSON.createObjectBuilder().add("sitename", "Fake Moodle").add("siteurl", siteUrl().toString()).build().toString();
            };
        } catch (NumberFormatException | MissingParameter e) {
            return exception("invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
        }
    }

    private String assignments(Map<String, String> p) {
        JsonArrayBuilder courseList = JSON.createArrayBuilder();
        JsonArrayBuilder warnings = JSON.createArrayBuilder();
        boolean notEnrolledToo = "1".equals(p.get("includenotenrolledcourses")) || "true".equals(p.get("includenotenrolledcourses"));
        for (long courseId : indexed(p, "courseids")) {
            Course c = courses.get(courseId);
            if (!notEnrolledToo) {
                // The token's account is a service account, enrolled nowhere: only includenotenrolledcourses shows courses to it.
                warnings.add(warning("course", courseId, "2", "User is not enrolled or does not have requested capability"));
                continue;
            }
            if (c == null) {
                warnings.add(warning("course", courseId, "1", "No access rights in course context"));
                continue;
            }
            JsonArrayBuilder list = JSON.createArrayBuilder();
            for (Assignment a : c.assignments.values()) {
                if (revoked.contains("mod/assign:view")) {
                    warnings.add(warning("module", a.cmid, "1", "No access rights in module context"));
                    continue;
                }
                list.add(JSON.createObjectBuilder().add("id", a.id).add("cmid", a.cmid).add("course", c.id).add("name", a.name)
                        .add("nosubmissions", 0).add("submissiondrafts", 1).add("sendnotifications", 0).add("sendlatenotifications", 0)
                        .add("sendstudentnotifications", 1).add("duedate", a.due == null ? 0 : a.due.getEpochSecond())
                        .add("allowsubmissionsfromdate", 0).add("grade", 100).add("timemodified", BASE_TIME.getEpochSecond())
                        .add("completionsubmit", 0).add("cutoffdate", 0).add("gradingduedate", 0).add("teamsubmission", a.team ? 1 : 0)
                        .add("requireallteammemberssubmit", 0).add("teamsubmissiongroupingid", 0).add("blindmarking", 0)
                        .add("hidegrader", 0).add("revealidentities", 0).add("attemptreopenmethod", "untilpass").add("maxattempts", -1)
                        .add("markingworkflow", 0).add("markingallocation", 0).add("requiresubmissionstatement", 0)
                        .add("preventsubmissionnotingroup", 0)
                        .add("configs", JSON.createArrayBuilder()
                                .add(config(a, "file", "enabled", "1")).add(config(a, "file", "maxfilesubmissions", "20"))
                                .add(config(a, "onlinetext", "enabled", "1")).add(config(a, "comments", "enabled", "1")))
                        .add("intro", "<p>Write an essay of about 800 words.</p>").add("introformat", 1)
                        .add("introfiles", JSON.createArrayBuilder()).add("introattachments", JSON.createArrayBuilder()));
            }
            courseList.add(JSON.createObjectBuilder().add("id", c.id).add("fullname", c.fullname).add("shortname", "C" + c.id)
                    .add("timemodified", BASE_TIME.getEpochSecond()).add("assignments", list));
        }
        return JSON.createObjectBuilder().add("courses", courseList).add("warnings", warnings).build().toString();
    }

    private static JsonObjectBuilder config(Assignment a, String plugin, String name, String value) {
        return JSON.createObjectBuilder().add("id", Math.abs((plugin + name).hashCode() % 1000)).add("assignment", a.id)
                .add("plugin", plugin).add("subtype", "assignsubmission").add("name", name).add("value", value);
    }

    private String submissions(Map<String, String> p) {
        String status = p.getOrDefault("status", "");
        long since = Long.parseLong(p.getOrDefault("since", "0"));
        long before = Long.parseLong(p.getOrDefault("before", "0"));
        JsonArrayBuilder list = JSON.createArrayBuilder();
        JsonArrayBuilder warnings = JSON.createArrayBuilder();
        for (long assignmentId : indexed(p, "assignmentids")) {
            Assignment a = findAssignment(assignmentId);
            if (a == null) {
                continue; // Moodle finds no course module and says nothing.
            }
            if (revoked.contains("mod/assign:grade")) {
                warnings.add(warning("assignment", a.id, "1", "No access rights in module context"));
                continue;
            }
            JsonArrayBuilder rows = JSON.createArrayBuilder();
            int count = 0;
            for (Row r : latestRows(a)) {
                long t = r.modified.getEpochSecond();
                if ((!status.isEmpty() && !status.equals(r.status)) || t < since || (before > 0 && t > before)) {
                    continue;
                }
                rows.add(row(a, r));
                count++;
            }
            if (count == 0) {
                warnings.add(warning("module", a.id, "3", "No submissions found"));
            }
            list.add(JSON.createObjectBuilder().add("assignmentid", a.id).add("submissions", rows));
        }
        return JSON.createObjectBuilder().add("assignments", list).add("warnings", warnings).build().toString();
    }

    private record Row(long id, long userId, long groupId, int number, String status, Instant created, Instant modified, Attempt content) {
    }

    /**
     * Moodle's query: per user and group the highest attempt number (older versions grouped by user
     * alone); team members get a mirror row without content.
     */
    private List<Row> latestRows(Assignment a) {
        Map<List<Long>, Attempt> latest = new LinkedHashMap<>();
        for (Attempt t : a.attempts) {
            latest.merge(List.of(t.userId, t.groupId), t, (x, y) -> y.number > x.number ? y : x);
        }
        List<Row> rows = new ArrayList<>();
        for (Attempt t : latest.values()) {
            rows.add(new Row(t.id, t.userId, t.groupId, t.number, t.status, t.created, t.modified, t));
            if (a.team && t.userId == 0) {
                for (Person member : a.course.people.values()) {
                    boolean in = t.groupId == 0 ? member.groups.isEmpty() : member.groups.stream().anyMatch(g -> g.id() == t.groupId);
                    if (in && member.role.equals("student")) {
                        rows.add(new Row(t.id * 1000 + member.id, member.id, 0, t.number, t.status, t.created, t.modified, null));
                    }
                }
            }
        }
        return rows;
    }

    private JsonObjectBuilder row(Assignment a, Row r) {
        JsonArrayBuilder fileList = JSON.createArrayBuilder();
        if (r.content != null) {
            for (StoredFile f : r.content.attached) {
                String base = siteUrl() + (faults.contains(Fault.BROWSER_FILE_URLS) ? "/pluginfile.php" : "/webservice/pluginfile.php");
                fileList.add(JSON.createObjectBuilder().add("filename", f.name).add("filepath", "/").add("filesize", f.declared)
                        .add("fileurl", base + r.content.relativePath(f)).add("timemodified", f.modified.getEpochSecond())
                        .add("mimetype", f.mimeType).add("isexternalfile", false));
            }
        }
        String text = r.content == null || r.content.onlineText == null ? "" : r.content.onlineText;
        JsonArrayBuilder plugins = JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("type", "file").add("name", "File submissions")
                        .add("fileareas", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("area", "submission_files").add("files", fileList))))
                .add(JSON.createObjectBuilder().add("type", "onlinetext").add("name", "Online text")
                        .add("fileareas", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("area", "submissions_onlinetext")
                                .add("files", JSON.createArrayBuilder())))
                        .add("editorfields", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("name", "onlinetext")
                                .add("description", "Online text").add("text", text).add("format", 1))))
                .add(JSON.createObjectBuilder().add("type", "comments").add("name", "Submission comments"));
        return JSON.createObjectBuilder().add("id", r.id).add("userid", r.userId).add("attemptnumber", r.number)
                .add("timecreated", r.created.getEpochSecond()).add("timemodified", r.modified.getEpochSecond())
                .add("timestarted", r.created.getEpochSecond()).add("status", r.status).add("groupid", r.groupId)
                .add("assignment", a.id).add("latest", 1).add("plugins", plugins).add("gradingstatus", "notgraded");
    }

    private String enrolledUsers(Map<String, String> p) {
        Course c = courses.get(Long.parseLong(required(p, "courseid")));
        if (c == null) {
            return exception("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table course.");
        }
        if (revoked.contains("moodle/course:viewparticipants")) {
            return noPermission("moodle/course:viewparticipants");
        }
        Set<String> fields = null;
        for (int i = 0; p.containsKey("options[" + i + "][name]"); i++) {
            if ("userfields".equals(p.get("options[" + i + "][name]"))) {
                fields = new HashSet<>(Arrays.asList(p.getOrDefault("options[" + i + "][value]", "").split("\\s*,\\s*")));
            }
        }
        JsonArrayBuilder users = JSON.createArrayBuilder();
        for (Person person : c.people.values()) {
            // Moodle adds id and fullname whatever userfields says.
            JsonObjectBuilder u = JSON.createObjectBuilder().add("id", person.id).add("fullname", person.fullname);
            if (fields == null || fields.contains("email")) {
                u.add("email", "user" + person.id + "@school.example.org");
            }
            if (fields == null || fields.contains("groups")) {
                JsonArrayBuilder gs = JSON.createArrayBuilder();
                person.groups.forEach(g -> gs.add(JSON.createObjectBuilder().add("id", g.id()).add("name", g.name())
                        .add("description", "").add("descriptionformat", 1)));
                u.add("groups", gs);
            }
            if (fields == null || fields.contains("roles")) {
                u.add("roles", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("roleid", person.role.equals("student") ? 5 : 3)
                        .add("name", "").add("shortname", person.role).add("sortorder", 0)));
            }
            users.add(u);
        }
        return users.build().toString();
    }

    private String courseGroups(Map<String, String> p) {
        Course c = courses.get(Long.parseLong(required(p, "courseid")));
        if (c == null) {
            return exception("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table course.");
        }
        if (revoked.contains("moodle/course:managegroups")) {
            return noPermission("moodle/course:managegroups");
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        c.groups.values().forEach(g -> list.add(JSON.createObjectBuilder().add("id", g.id()).add("courseid", c.id).add("name", g.name())
                .add("description", "").add("descriptionformat", 1).add("enrolmentkey", "").add("idnumber", "")));
        return list.build().toString();
    }

    private Assignment findAssignment(long id) {
        for (Course c : courses.values()) {
            if (c.assignments.containsKey(id)) {
                return c.assignments.get(id);
            }
        }
        return null;
    }

    // ---- files -------------------------------------------------------------------------------------

    private void webServiceFile(HttpExchange ex) throws IOException {
        try {
            downloads.add(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
            if (answeredByFault(ex)) {
                return;
            }
            // pluginfile.php is an AJAX script: its errors are JSON objects with "error", mostly with HTTP 200.
            String given = form(ex.getRequestURI().getRawQuery()).get("token");
            if (given == null) {
                sendFileError(ex, 200, "A required parameter (token) was missing", "missingparam");
                return;
            }
            if (!token.equals(given)) {
                sendFileError(ex, 200, "Invalid token - token not found", "invalidtoken");
                return;
            }
            if (!fileDownloads) {
                sendFileError(ex, 200, "Access control exception", "accessexception");
                return;
            }
            if (faults.contains(Fault.LOGIN_PAGE_FOR_FILES)) {
                send(ex, 200, "text/html; charset=utf-8", loginHtml());
                return;
            }
            String path = ex.getRequestURI().getRawPath().substring((PATH + "/webservice/pluginfile.php").length());
            StoredFile f = files.get(path);
            if (f == null || revoked.contains("mod/assign:grade")) {
                sendFileError(ex, 404, "Sorry, the requested file could not be found", "filenotfound");
                return;
            }
            serve(ex, f);
        } finally {
            ex.close();
        }
    }

    private void serve(HttpExchange ex, StoredFile f) throws IOException {
        ex.getResponseHeaders().set("Content-Type", f.mimeType);
        ex.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + f.name + "\"");
        ex.sendResponseHeaders(200, f.content == null ? 0 : f.size);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = ex.getResponseBody()) {
            for (long at = 0; at < f.size; ) {
                int n = (int) Math.min(chunk.length, f.size - at);
                if (f.content != null) {
                    out.write(f.content, (int) at, n);
                } else {
                    out.write(chunk, 0, n);
                }
                at += n;
                f.sent.addAndGet(n);
            }
        } catch (IOException clientHungUp) {
            // The client stopped reading; what was sent is counted.
        }
    }

    /** The browser URL needs a session: Moodle sends the visitor to its login page. */
    private void browserFile(HttpExchange ex) throws IOException {
        try {
            downloads.add(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
            ex.getResponseHeaders().set("Location", siteUrl() + "/login/index.php");
            ex.sendResponseHeaders(303, -1);
        } finally {
            ex.close();
        }
    }

    private void loginPage(HttpExchange ex) throws IOException {
        try {
            send(ex, 200, "text/html; charset=utf-8", loginHtml());
        } finally {
            ex.close();
        }
    }

    private static String loginHtml() {
        return "<!DOCTYPE html>\n<html dir=\"ltr\" lang=\"en\"><head><title>Log in to the site | Fake Moodle</title></head>"
                + "<body id=\"page-login-index\"><form action=\"/moodle/login/index.php\" method=\"post\">"
                + "<input name=\"username\"><input name=\"password\" type=\"password\"></form></body></html>\n";
    }

    private static void sendFileError(HttpExchange ex, int status, String error, String code) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.createObjectBuilder().add("error", error).add("errorcode", code)
                .addNull("stacktrace").addNull("debuginfo").addNull("reproductionlink").build().toString());
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    private boolean answeredByFault(HttpExchange ex) throws IOException {
        if (faults.contains(Fault.SLOW)) {
            try {
                Thread.sleep(slowBy.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        if (faults.contains(Fault.HTTP_500)) {
            send(ex, 500, "text/html; charset=utf-8", "<!DOCTYPE html><html><body><h1>Internal Server Error</h1></body></html>");
            return true;
        }
        if (faults.contains(Fault.TOO_MANY_REQUESTS)) {
            ex.getResponseHeaders().set("Retry-After", "30");
            send(ex, 429, "text/html; charset=utf-8", "<html><body>Too Many Requests</body></html>");
            return true;
        }
        return false;
    }

    private String noPermission(String capability) {
        return exception("required_capability_exception", "nopermissions",
                "Sorry, but you do not currently have permissions to do that (" + CAPABILITY_NAMES.get(capability) + ").");
    }

    private static String exception(String exception, String code, String message) {
        return JSON.createObjectBuilder().add("exception", exception).add("errorcode", code).add("message", message).build().toString();
    }

    private static JsonObjectBuilder warning(String item, long itemId, String code, String message) {
        return JSON.createObjectBuilder().add("item", item).add("itemid", itemId).add("warningcode", code).add("message", message);
    }

    private static final class MissingParameter extends RuntimeException {
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            throw new MissingParameter();
        }
        return v;
    }

    /** Moodle's array parameters: {@code name[0]=…&name[1]=…}. */
    private static List<Long> indexed(Map<String, String> p, String name) {
        Set<Long> values = new LinkedHashSet<>();
        for (int i = 0; p.containsKey(name + "[" + i + "]"); i++) {
            values.add(Long.parseLong(p.get(name + "[" + i + "]")));
        }
        if (values.isEmpty() && name.equals("assignmentids")) {
            throw new MissingParameter();
        }
        return List.copyOf(values);
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(k, v);
        }
        return values;
    }

    private static String encodePath(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientHungUp) {
            // A client that gave up (timeout) no longer listens.
        }
    }
}
