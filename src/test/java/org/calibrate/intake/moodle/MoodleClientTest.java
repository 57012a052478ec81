package org.calibrate.intake.moodle;

import org.calibrate.intake.control.SourceFailure;
import org.calibrate.intake.entity.SubmittedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against {@link FakeMoodle}: Moodle's reply shapes, its error conventions, and the limits on what Calibrate accepts. */
class MoodleClientTest {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private FakeMoodle moodle;
    private MoodleClient client;
    private FakeMoodle.Assignment essay;
    private final byte[] essayBytes = "PK\u0003\u0004 an essay in a zip".getBytes(StandardCharsets.ISO_8859_1);

    @BeforeEach
    void start() throws IOException {
        moodle = FakeMoodle.start();
        FakeMoodle.Course course = moodle.course(5, "English 8");
        FakeMoodle.Group a = course.group(3, "8A");
        course.student(42, "Ada Lovelace", a).student(43, "Alan Turing", a).teacher(2, "Tess Teacher");
        essay = course.assignment(7, 142, "Essay").due(Instant.parse("2026-03-20T17:00:00Z"));
        course.assignment(8, 143, "Group project").team();
        essay.submission(42).onlineText("<p>My essay.</p>").file("essay.docx", DOCX, essayBytes);
        client = client(MoodleLimits.DEFAULT);
    }

    @AfterEach
    void stop() {
        moodle.close();
    }

    private MoodleClient client(MoodleLimits limits) {
        return new MoodleClient(MoodleClient.httpClient(), moodle.siteUrl(), moodle.token(), limits);
    }

    /** The failure, checked for the two things every failure must get right: retryability and no token. */
    private SourceFailure fails(boolean retryable, Executable call) {
        SourceFailure f = assertThrows(SourceFailure.class, call);
        assertEquals(retryable, f.retryable(), f.getMessage());
        assertFalse(f.getMessage().contains(moodle.token()), f.getMessage());
        return f;
    }

    @Test
    @DisplayName("A course's assignments: ids, course module ids, names, due dates, team flag; asked including courses the account is not enrolled in")
    void assignments() throws SourceFailure {
        List<AssignmentSummary> list = client.assignments(5);
        assertEquals(List.of(
                new AssignmentSummary(7, 142, 5, "Essay", Optional.of(Instant.parse("2026-03-20T17:00:00Z")), false),
                new AssignmentSummary(8, 143, 5, "Group project", Optional.empty(), true)), list);
        FakeMoodle.Call call = moodle.calls().get(0);
        assertEquals("mod_assign_get_assignments", call.function());
        assertEquals("5", call.parameters().get("courseids[0]"));
        assertEquals("1", call.parameters().get("includenotenrolledcourses"));
        assertEquals("json", call.parameters().get("moodlewsrestformat"));
        assertFalse(call.parameters().containsKey("wstoken"));
    }

    @Test
    @DisplayName("A course Moodle does not show, or assignments the account may not view, are failures that say why")
    void assignmentsRefused() {
        assertTrue(fails(false, () -> client.assignments(99)).getMessage().contains("course 99"));
        moodle.revoke("mod/assign:view");
        assertTrue(fails(false, () -> client.assignments(5)).getMessage().contains("mod/assign:view"));
    }

    @Test
    @DisplayName("Submissions: online text, files with size, type and address, 0-based attempts, the latest attempt only")
    void submissions() throws SourceFailure {
        essay.submission(43).status("new");
        essay.submission(42).onlineText("<p>Second go.</p>");
        List<MoodleSubmission> rows = client.submissions(7);
        assertEquals(2, rows.size());
        MoodleSubmission ada = rows.stream().filter(r -> r.userId() == 42).findFirst().orElseThrow();
        assertEquals(1, ada.attemptNumber());
        assertEquals(Optional.of("<p>Second go.</p>"), ada.onlineText());
        assertEquals(List.of(), ada.files());
        assertEquals("submitted", ada.status());
        MoodleSubmission alan = rows.stream().filter(r -> r.userId() == 43).findFirst().orElseThrow();
        assertEquals("new", alan.status());
        assertFalse(alan.hasContent());
        assertEquals("7", moodle.calls().get(0).parameters().get("assignmentids[0]"));
    }

    @Test
    @DisplayName("A submitted file as listed: name, declared size, Moodle's type, web-service address without the token")
    void listedFile() throws SourceFailure {
        MoodleFile f = client.submissions(7).get(0).files().get(0);
        assertEquals("essay.docx", f.name());
        assertEquals(essayBytes.length, f.size());
        assertEquals(Optional.of(DOCX), f.mimeType());
        assertTrue(f.url().getPath().startsWith(FakeMoodle.PATH + "/webservice/pluginfile.php/"), f.url().toString());
        assertFalse(f.url().toString().contains(moodle.token()));
    }

    @Test
    @DisplayName("status and since are passed as Moodle's parameters")
    void filters() throws SourceFailure {
        essay.submission(43).status("draft").onlineText("<p>Draft</p>");
        assertEquals(List.of(43L), client.submissions(7, Optional.of("draft"), Optional.empty()).stream().map(MoodleSubmission::userId).toList());
        assertEquals(List.of(), client.submissions(7, Optional.empty(), Optional.of(Instant.parse("2030-01-01T00:00:00Z"))));
        assertEquals("draft", moodle.calls().get(0).parameters().get("status"));
        assertEquals(Long.toString(Instant.parse("2030-01-01T00:00:00Z").getEpochSecond()), moodle.calls().get(1).parameters().get("since"));
    }

    @Test
    @DisplayName("An unknown assignment (Moodle answers with nothing) and a missing mod/assign:grade (a warning) are told apart")
    void submissionsRefused() {
        assertTrue(fails(false, () -> client.submissions(142)).getMessage().contains("course module id"));
        moodle.revoke("mod/assign:grade");
        assertTrue(fails(false, () -> client.submissions(7)).getMessage().contains("mod/assign:grade"));
    }

    @Test
    @DisplayName("Participants with their groups, asking Moodle for nothing but id and groups")
    void enrolledUsers() throws SourceFailure {
        List<EnrolledUser> users = client.enrolledUsers(5);
        assertEquals(new EnrolledUser(42, List.of(new MoodleGroup(3, "8A"))), users.get(0));
        assertEquals(3, users.size());
        FakeMoodle.Call call = moodle.calls().get(0);
        assertEquals("userfields", call.parameters().get("options[0][name]"));
        assertEquals("id,groups", call.parameters().get("options[0][value]"));
        assertEquals(List.of(new MoodleGroup(3, "8A")), client.courseGroups(5));
    }

    @Test
    @DisplayName("Invalid token: Moodle's exception with HTTP 200 becomes the admin's instruction, without the token")
    void invalidToken() {
        MoodleClient wrong = new MoodleClient(MoodleClient.httpClient(), moodle.siteUrl(), "0123456789abcdef0123456789abcdef");
        SourceFailure f = fails(false, () -> wrong.assignments(5));
        assertEquals("The Moodle web-service token was refused (invalidtoken); an admin sets a new token for this platform", f.getMessage());
        assertFalse(f.getMessage().contains("0123456789abcdef"));
    }

    @Test
    @DisplayName("Missing capabilities and service settings name what to grant")
    void accessAndCapabilities() {
        moodle.revoke("moodle/course:viewparticipants");
        SourceFailure participants = fails(false, () -> client.enrolledUsers(5));
        assertTrue(participants.getMessage().contains("moodle/course:viewparticipants"), participants.getMessage());
        assertTrue(participants.getMessage().contains("(View participants)"), participants.getMessage());

        moodle.revoke("moodle/course:managegroups");
        assertTrue(fails(false, () -> client.courseGroups(5)).getMessage().contains("moodle/course:managegroups"));

        moodle.withoutFunction("mod_assign_get_submissions");
        SourceFailure notInService = fails(false, () -> client.submissions(7));
        assertTrue(notInService.getMessage().contains("includes mod_assign_get_submissions"), notInService.getMessage());

        moodle.revoke("webservice/rest:use");
        assertTrue(fails(false, () -> client.assignments(5)).getMessage().contains("webservice/rest:use"));
    }

    @Test
    @DisplayName("Maintenance mode, HTTP 5xx and 429 are retryable; a debug notice before the JSON is not, and says what to switch off")
    void transientAndNot() {
        moodle.fault(FakeMoodle.Fault.MAINTENANCE);
        fails(true, () -> client.assignments(5));
        moodle.clearFaults().fault(FakeMoodle.Fault.HTTP_500);
        assertTrue(fails(true, () -> client.submissions(7)).getMessage().contains("HTTP 500"));
        moodle.clearFaults().fault(FakeMoodle.Fault.TOO_MANY_REQUESTS);
        assertTrue(fails(true, () -> client.submissions(7)).getMessage().contains("HTTP 429"));
        moodle.clearFaults().fault(FakeMoodle.Fault.DEBUG_NOTICES);
        assertTrue(fails(false, () -> client.submissions(7)).getMessage().contains("debugging"));
    }

    @Test
    @DisplayName("A reply slower than the timeout is cut off and retryable, well within the test's patience")
    void slowReply() {
        moodle.fault(FakeMoodle.Fault.SLOW).slowBy(Duration.ofSeconds(3));
        MoodleClient impatient = client(MoodleLimits.DEFAULT.withRequestTimeout(Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        SourceFailure f = fails(true, () -> impatient.assignments(5));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(2)) < 0);
        assertTrue(f.getMessage().contains("300 ms"), f.getMessage());
    }

    @Test
    @DisplayName("A refused connection is retryable; a wrong site path (HTTP 404) is not and names the endpoint")
    void unreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MoodleClient nowhere = new MoodleClient(MoodleClient.httpClient(), URI.create("http://127.0.0.1:" + port), moodle.token());
        assertTrue(fails(true, () -> nowhere.assignments(5)).getMessage().contains("cannot be reached"));
        URI wrongPath = URI.create(moodle.siteUrl().toString().replace(FakeMoodle.PATH, "/lms"));
        MoodleClient misplaced = new MoodleClient(MoodleClient.httpClient(), wrongPath, moodle.token());
        assertTrue(fails(false, () -> misplaced.assignments(5)).getMessage().contains("/lms/webservice/rest/server.php"));
    }

    @Test
    @DisplayName("A web-service reply over the size limit is refused")
    void replyLimit() {
        essay.submission(43).onlineText("<p>" + "long ".repeat(1000) + "</p>");
        MoodleClient small = client(MoodleLimits.DEFAULT.withMaxReplyBytes(2048));
        assertTrue(fails(false, () -> small.submissions(7)).getMessage().contains("larger than"));
    }

    @Test
    @DisplayName("Download: the file's bytes, the token as ?token= on the web-service pluginfile.php")
    void download() throws SourceFailure {
        MoodleFile listed = client.submissions(7).get(0).files().get(0);
        SubmittedFile f = client.download(listed, "file 1 of 1");
        assertEquals("essay.docx", f.name());
        assertEquals(Optional.of(DOCX), f.declaredType());
        assertArrayEquals(essayBytes, f.content());
        assertEquals(List.of("token=" + moodle.token()), moodle.downloads());
    }

    @Test
    @DisplayName("A browser /pluginfile.php address (login needed) is rewritten to the web-service one")
    void browserAddressRewritten() throws SourceFailure {
        moodle.fault(FakeMoodle.Fault.BROWSER_FILE_URLS);
        MoodleFile listed = client.submissions(7).get(0).files().get(0);
        assertTrue(listed.url().getPath().startsWith(FakeMoodle.PATH + "/pluginfile.php/"));
        assertArrayEquals(essayBytes, client.download(listed, "file 1 of 1").content());
    }

    @Test
    @DisplayName("Moodle's login page or JSON error in place of the file is reported, never returned as the student's work")
    void moodleInsteadOfFile() throws SourceFailure {
        MoodleFile listed = client.submissions(7).get(0).files().get(0);
        moodle.fault(FakeMoodle.Fault.LOGIN_PAGE_FOR_FILES);
        SourceFailure login = fails(false, () -> client.download(listed, "file 1 of 1"));
        assertTrue(login.getMessage().contains("login page"), login.getMessage());
        assertTrue(login.getMessage().contains("file 1 of 1 (.docx)"), login.getMessage());
        assertFalse(login.getMessage().contains("essay"), "file names may carry the student's name");

        moodle.clearFaults().fileDownloads(false);
        SourceFailure json = fails(false, () -> client.download(listed, "file 1 of 1"));
        assertTrue(json.getMessage().contains("accessexception"), json.getMessage());
        assertTrue(json.getMessage().contains("Can download files"), json.getMessage());
    }

    @Test
    @DisplayName("An address on the site but outside pluginfile.php is refused before any request")
    void notPluginFile() {
        MoodleFile login = new MoodleFile("essay.docx", essayBytes.length,
                URI.create(moodle.siteUrl() + "/login/index.php"), Optional.empty(), Optional.of(DOCX));
        fails(false, () -> client.download(login, "file 1 of 1"));
        assertEquals(List.of(), moodle.downloads());
    }

    @Test
    @DisplayName("A size other than the listed one is reported, not kept")
    void wrongSize() throws SourceFailure {
        essay.submission(43).file("notes.pdf", "application/pdf", new byte[100]).declaredSize(120);
        MoodleFile listed = client.submissions(7).stream().filter(r -> r.userId() == 43).findFirst().orElseThrow().files().get(0);
        SourceFailure f = fails(false, () -> client.download(listed, "file 1 of 1"));
        assertTrue(f.getMessage().contains("100 bytes") && f.getMessage().contains("listed 120"), f.getMessage());
    }

    @Test
    @DisplayName("A file declared over the limit is not requested at all")
    void declaredOverLimit() throws SourceFailure {
        essay.submission(43).file("video.mp4", "video/mp4", new byte[4096]);
        MoodleClient small = client(MoodleLimits.DEFAULT.withMaxFileBytes(1024));
        MoodleFile listed = small.submissions(7).stream().filter(r -> r.userId() == 43).findFirst().orElseThrow().files().get(0);
        assertTrue(fails(false, () -> small.download(listed, "file 1 of 1")).getMessage().contains("over the limit of 1 KiB"));
        assertEquals(List.of(), moodle.downloads());
    }

    @Test
    @DisplayName("A file that turns out larger than the limit is cut off early: far less than the whole is sent")
    void downloadAbortsEarly() throws SourceFailure {
        long total = 512L * 1024 * 1024;
        essay.submission(43).generatedFile("huge.pdf", "application/pdf", total).declaredSize(1000);
        MoodleClient small = client(MoodleLimits.DEFAULT.withMaxFileBytes(1024 * 1024));
        MoodleFile listed = small.submissions(7).stream().filter(r -> r.userId() == 43).findFirst().orElseThrow().files().get(0);
        SourceFailure f = fails(false, () -> small.download(listed, "file 1 of 1"));
        assertTrue(f.getMessage().contains("larger than the limit of 1 MiB"), f.getMessage());
        // Whatever the socket buffers took, the server could not push the file through.
        long sent = moodle.bytesSent("huge.pdf");
        assertTrue(sent < 64L * 1024 * 1024, "sent " + sent);
    }

    @Test
    @DisplayName("The token goes to the site only: a file address on another origin is refused before any request")
    void otherOrigin() {
        MoodleFile elsewhere = new MoodleFile("essay.docx", 10, URI.create("http://127.0.0.2:" + moodle.siteUrl().getPort()
                + FakeMoodle.PATH + "/webservice/pluginfile.php/1/assignsubmission_file/submission_files/1/essay.docx"),
                Optional.empty(), Optional.of(DOCX));
        assertTrue(fails(false, () -> client.download(elsewhere, "file 1 of 1")).getMessage().contains("sends the token nowhere else"));
        assertEquals(List.of(), moodle.downloads());
    }

    @Test
    @DisplayName("A wrong token on a download is reported as a refused token")
    void downloadWithWrongToken() throws SourceFailure {
        MoodleFile listed = client.submissions(7).get(0).files().get(0);
        MoodleClient wrong = new MoodleClient(MoodleClient.httpClient(), moodle.siteUrl(), "abcdef0123456789abcdef0123456789");
        assertTrue(fails(false, () -> wrong.download(listed, "file 1 of 1")).getMessage().contains("invalidtoken"));
    }

    @Test
    @DisplayName("Only HTTPS sites (plain HTTP on loopback) and letter-and-digit tokens are accepted")
    void construction() {
        assertThrows(IllegalArgumentException.class, () -> new MoodleClient(MoodleClient.httpClient(), URI.create("http://moodle.school.example"), "abc123"));
        IllegalArgumentException pasted = assertThrows(IllegalArgumentException.class,
                () -> new MoodleClient(MoodleClient.httpClient(), URI.create("https://moodle.school.example"), "abc123&x=1"));
        assertFalse(pasted.getMessage().contains("abc123"));
        new MoodleClient(MoodleClient.httpClient(), URI.create("https://moodle.school.example/moodle/"), "abc123");
    }
}
