package org.calibrate.intake.moodle;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.calibrate.intake.control.Connector.Listed;
import org.calibrate.intake.control.SourceFailure;
import org.calibrate.intake.entity.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connector over {@link FakeMoodle}: what is listed, how keys and fingerprints behave, what a fetch returns. */
class MoodleSubmissionsTest {
    private static final String DOCX = MoodleClientTest.DOCX;
    private FakeMoodle moodle;
    private MoodleClient client;
    private FakeMoodle.Course course;
    private FakeMoodle.Group a;
    private FakeMoodle.Group b;
    private FakeMoodle.Assignment essay;
    private FakeMoodle.Attempt alan;
    private MutableClock clock;

    /** A clock the test moves, for the once-a-minute re-listing. */
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-10T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() throws IOException {
        moodle = FakeMoodle.start();
        course = moodle.course(5, "English 8");
        a = course.group(3, "8A");
        b = course.group(4, "Drama set");
        course.student(42, "Ada Lovelace", a).student(43, "Alan Turing", a, b).student(44, "Grace Hopper", b)
                .student(45, "Edsger Dijkstra").student(46, "Barbara Liskov", a).teacher(2, "Tess Teacher", a);
        essay = course.assignment(7, 142, "Essay");
        essay.submission(42).onlineText("<p>Ada's essay.</p>").file("essay.docx", DOCX, bytes("ada docx"));
        alan = essay.submission(43).file("turing.pdf", "application/pdf", bytes("%PDF alan")).file("appendix.pdf", "application/pdf", bytes("%PDF more"));
        essay.submission(44).status("new");
        essay.submission(45).status("draft").onlineText("<p>Still writing</p>");
        essay.submission(46).status("submitted"); // submitted, nothing in it
        client = new MoodleClient(MoodleClient.httpClient(), moodle.siteUrl(), moodle.token());
        clock = new MutableClock();
    }

    @AfterEach
    void stop() {
        moodle.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private MoodleSubmissions connector(long assignmentId, boolean drafts) {
        return new MoodleSubmissions(client, 5, assignmentId, drafts, clock);
    }

    private static Listed find(List<Listed> listed, String key) {
        return listed.stream().filter(l -> l.sourceKey().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " not in " + listed));
    }

    @Test
    @DisplayName("One listing per student with submitted content: new, draft and empty attempts are left out")
    void listing() throws SourceFailure {
        List<Listed> listed = connector(7, false).list();
        assertEquals(List.of("moodle:7:42", "moodle:7:43"), listed.stream().map(Listed::sourceKey).toList());
        assertEquals(1, moodle.calls(MoodleClient.GET_SUBMISSIONS));
        assertEquals(1, moodle.calls(MoodleClient.GET_ENROLLED_USERS));
    }

    @Test
    @DisplayName("Drafts are listed when asked for")
    void drafts() throws SourceFailure {
        assertEquals(List.of("moodle:7:42", "moodle:7:43", "moodle:7:45"), connector(7, true).list().stream().map(Listed::sourceKey).toList());
    }

    @Test
    @DisplayName("Listing the same data twice gives the same fingerprints and handles")
    void idempotent() throws SourceFailure {
        List<Listed> first = connector(7, false).list();
        assertEquals(first, connector(7, false).list());
        assertTrue(find(first, "moodle:7:42").fingerprint().matches("0:\\d+:[0-9a-f]{32}"), first.get(0).fingerprint());
    }

    @Test
    @DisplayName("A resubmission (a new attempt) or a changed file gives a new fingerprint; others keep theirs")
    void changes() throws SourceFailure {
        List<Listed> before = connector(7, false).list();
        essay.submission(42).onlineText("<p>Ada, second attempt.</p>");
        List<Listed> after = connector(7, false).list();
        assertNotEquals(find(before, "moodle:7:42").fingerprint(), find(after, "moodle:7:42").fingerprint());
        assertTrue(find(after, "moodle:7:42").fingerprint().startsWith("1:"));
        assertEquals(find(before, "moodle:7:43"), find(after, "moodle:7:43"));

        // A file replaced within the same attempt, the submission's own time untouched.
        alan = essay.submission(43).file("turing.pdf", "application/pdf", bytes("%PDF other")).modified(Instant.parse("2026-03-02T09:02:00Z"));
        List<Listed> replaced = connector(7, false).list();
        assertNotEquals(find(after, "moodle:7:43").fingerprint(), find(replaced, "moodle:7:43").fingerprint());
    }

    @Test
    @DisplayName("Fetch: the Moodle user id as learner, groups, attempt from 1, time, online text and files")
    void fetch() throws SourceFailure {
        MoodleSubmissions connector = connector(7, false);
        List<Listed> listed = connector.list();
        Submission ada = connector.fetch(find(listed, "moodle:7:42"));
        assertEquals(Optional.of("42"), ada.learnerUserId());
        assertEquals(Optional.of("8A"), ada.group());
        assertEquals(1, ada.attempt());
        assertEquals(Optional.of(FakeMoodle.BASE_TIME.plus(Duration.ofMinutes(1))), ada.submittedAt());
        assertEquals(Optional.of("<p>Ada's essay.</p>"), ada.onlineText());
        assertEquals(1, ada.files().size());
        assertArrayEquals(bytes("ada docx"), ada.files().get(0).content());
        assertEquals(find(listed, "moodle:7:42").fingerprint(), ada.fingerprint());

        Submission alan = connector.fetch(find(listed, "moodle:7:43"));
        assertEquals(Optional.of("8A, Drama set"), alan.group());
        assertEquals(Optional.empty(), alan.onlineText());
        assertEquals(List.of("appendix.pdf", "turing.pdf"), alan.files().stream().map(f -> f.name()).sorted().toList());
        // The listing is reused: no second get_submissions for the fetches.
        assertEquals(1, moodle.calls(MoodleClient.GET_SUBMISSIONS));
    }

    @Test
    @DisplayName("Team submissions: one per group, keyed by the group, named by it, without a learner; members' empty rows are not listed")
    void teams() throws SourceFailure {
        FakeMoodle.Assignment project = course.assignment(8, 143, "Group project").team();
        project.teamSubmission(a).onlineText("<p>Our project</p>");
        project.teamSubmission(b).status("draft").onlineText("<p>Half done</p>");
        MoodleSubmissions connector = connector(8, false);
        List<Listed> listed = connector.list();
        assertEquals(List.of("moodle:8:group:3"), listed.stream().map(Listed::sourceKey).toList());
        Submission team = connector.fetch(listed.get(0));
        assertEquals(Optional.empty(), team.learnerUserId());
        assertEquals(Optional.of("8A"), team.group());
        assertEquals(Optional.of("<p>Our project</p>"), team.onlineText());
        assertEquals(0, moodle.calls(MoodleClient.GET_COURSE_GROUPS));
    }

    @Test
    @DisplayName("A team whose members all left is named from the course's groups; without the right to list them, unnamed")
    void teamWithoutMembers() throws SourceFailure {
        FakeMoodle.Group gone = course.group(9, "Leavers");
        FakeMoodle.Assignment project = course.assignment(8, 143, "Group project").team();
        project.teamSubmission(gone).onlineText("<p>Left behind</p>");
        MoodleSubmissions connector = connector(8, false);
        assertEquals(Optional.of("Leavers"), connector.fetch(connector.list().get(0)).group());
        assertEquals(1, moodle.calls(MoodleClient.GET_COURSE_GROUPS));

        moodle.revoke("moodle/course:managegroups");
        MoodleSubmissions unnamed = connector(8, false);
        assertEquals(Optional.empty(), unnamed.fetch(unnamed.list().get(0)).group());
    }

    @Test
    @DisplayName("After a restart a fetch lists once and then serves the rest from that listing")
    void fetchAfterRestart() throws SourceFailure {
        List<Listed> listed = connector(7, false).list();
        MoodleSubmissions fresh = connector(7, false);
        assertEquals(Optional.of("<p>Ada's essay.</p>"), fresh.fetch(find(listed, "moodle:7:42")).onlineText());
        assertEquals(2, fresh.fetch(find(listed, "moodle:7:43")).files().size());
        assertEquals(2, moodle.calls(MoodleClient.GET_SUBMISSIONS));
    }

    @Test
    @DisplayName("A resubmission after the listing: the same connector fetches what it listed; after a restart, what Moodle holds now, with its new fingerprint")
    void resubmittedSinceListing() throws SourceFailure {
        MoodleSubmissions connector = connector(7, false);
        Listed old = find(connector.list(), "moodle:7:42");
        essay.submission(42).onlineText("<p>Newer</p>");
        Submission listedOne = connector.fetch(old);
        assertEquals(Optional.of("<p>Ada's essay.</p>"), listedOne.onlineText());
        assertEquals(old.fingerprint(), listedOne.fingerprint());

        Submission now = connector(7, false).fetch(old);
        assertEquals(Optional.of("<p>Newer</p>"), now.onlineText());
        assertEquals(2, now.attempt());
        assertNotEquals(old.fingerprint(), now.fingerprint());
    }

    @Test
    @DisplayName("A submission reopened since the listing is a failure that needs a person; Moodle is asked again at most once a minute")
    void reopenedSinceListing() throws SourceFailure {
        List<Listed> listed = connector(7, false).list();
        essay.submission(43).status("reopened");
        essay.submission(42).status("reopened");
        MoodleSubmissions restarted = connector(7, false);
        SourceFailure f = assertThrows(SourceFailure.class, () -> restarted.fetch(find(listed, "moodle:7:43")));
        assertFalse(f.retryable());
        assertTrue(f.getMessage().contains("attempt 1 of 2026-03-02T09:02:00Z"), f.getMessage());
        assertThrows(SourceFailure.class, () -> restarted.fetch(find(listed, "moodle:7:42")));
        assertEquals(2, moodle.calls(MoodleClient.GET_SUBMISSIONS));
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThrows(SourceFailure.class, () -> restarted.fetch(find(listed, "moodle:7:42")));
        assertEquals(3, moodle.calls(MoodleClient.GET_SUBMISSIONS));
    }

    @Test
    @DisplayName("A failed download fails the fetch of that submission only")
    void downloadFailure() throws SourceFailure {
        MoodleSubmissions connector = connector(7, false);
        List<Listed> listed = connector.list();
        moodle.fault(FakeMoodle.Fault.LOGIN_PAGE_FOR_FILES);
        SourceFailure f = assertThrows(SourceFailure.class, () -> connector.fetch(find(listed, "moodle:7:43")));
        assertFalse(f.retryable());
        assertTrue(f.getMessage().contains("file 1 of 2 (.pdf)"), f.getMessage());
        moodle.clearFaults();
        assertEquals(2, connector.fetch(find(listed, "moodle:7:43")).files().size());
    }

    @Test
    @DisplayName("A key from another assignment is refused")
    void foreignKey() {
        Listed other = new Listed("moodle:8:42", "0:1:ab", "{}");
        assertThrows(SourceFailure.class, () -> connector(7, false).fetch(other));
    }

    @Test
    @DisplayName("The handle holds user, attempt and files (no token, no text) and stays within 4000 characters")
    void handle() throws SourceFailure {
        JsonObject h = Json.createReader(new StringReader(find(connector(7, false).list(), "moodle:7:43").handle())).readObject();
        assertEquals(43, h.getInt("user"));
        assertEquals(0, h.getInt("attempt"));
        assertEquals(2, h.getJsonArray("files").size());
        assertEquals("appendix.pdf", h.getJsonArray("files").getJsonObject(0).getString("name"));
        assertTrue(h.getJsonArray("files").getJsonObject(0).getString("url").contains("/webservice/pluginfile.php/"));

        FakeMoodle.Attempt many = essay.submission(44);
        for (int i = 0; i < 120; i++) {
            many.file("page-" + i + "-with-a-rather-long-file-name.jpg", "image/jpeg", bytes("jpg " + i));
        }
        Listed big = find(connector(7, false).list(), "moodle:7:44");
        assertTrue(big.handle().length() <= 4000, "handle of " + big.handle().length());
        JsonObject bh = Json.createReader(new StringReader(big.handle())).readObject();
        assertEquals(120, bh.getJsonArray("files").size() + bh.getInt("omitted"));
        for (Listed l : connector(7, false).list()) {
            assertFalse(l.handle().contains(moodle.token()));
            assertFalse(l.handle().contains("<p>"), "online text is not in the handle");
        }
    }

    @Test
    @DisplayName("A student who left the course keeps the submission, without a group")
    void unenrolled() throws SourceFailure {
        course.unenrol(42);
        MoodleSubmissions connector = connector(7, false);
        Submission ada = connector.fetch(find(connector.list(), "moodle:7:42"));
        assertEquals(Optional.empty(), ada.group());
        assertEquals(Optional.of("42"), ada.learnerUserId());
    }

    @Test
    @DisplayName("Listing failures pass through: a missing mod/assign:grade needs a person, a 500 is retryable")
    void listingFailures() {
        moodle.revoke("mod/assign:grade");
        assertFalse(assertThrows(SourceFailure.class, () -> connector(7, false).list()).retryable());
        moodle.grant("mod/assign:grade").fault(FakeMoodle.Fault.HTTP_500);
        assertTrue(assertThrows(SourceFailure.class, () -> connector(7, false).list()).retryable());
    }
}
