package org.calibrate.intake.exports;

import org.calibrate.anonymise.entity.Person;
import org.calibrate.anonymise.entity.Role;
import org.calibrate.intake.entity.Submission;
import org.calibrate.intake.entity.SubmittedFile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moodle, Canvas and unknown downloads read into one submission per student, linked by name. */
class ExportZipTest {
    private static final Person JANE = Person.learner("lti-jane", "Jane", "Smith");
    private static final Person TOM = Person.learner("lti-tom", "Tom", "Jones");
    private static final Person JOSE = Person.learner("lti-jose", "José", "Álvarez");
    private static final Person TEACHER = Person.instructor("lti-teacher", "Ada", "Teacher");
    private static final List<Person> ROSTER = List.of(JANE, TOM, JOSE, TEACHER);

    private static ExportResult read(Zips zip, List<Person> roster) throws Exception {
        return ExportZip.read(new ByteArrayInputStream(zip.bytes()), ZipLimits.defaults(), roster);
    }

    private static ExportResult read(Zips zip) throws Exception {
        return read(zip, ROSTER);
    }

    private static Submission submission(ExportResult result, String sourceKey) {
        return result.submissions().stream().filter(s -> s.sourceKey().equals(sourceKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + sourceKey + " in " + result.submissions()));
    }

    private static List<String> fileNames(Submission s) {
        return s.files().stream().map(SubmittedFile::name).toList();
    }

    private static String text(SubmittedFile file) {
        return new String(file.content(), StandardCharsets.UTF_8);
    }

    private static void assertReason(ExportResult result, String entry, String fragment) {
        assertTrue(result.problems().stream().anyMatch(p -> p.entry().equals(entry) && p.reason().contains(fragment)),
                () -> "no problem for \"" + entry + "\" saying \"" + fragment + "\" in " + result.problems());
    }

    @Nested
    class Moodle {
        @Test
        void inFoldersEachStudentIsOneSubmissionLinkedByName() throws Exception {
            ExportResult result = read(Zips.zip()
                    .folder("Jane Smith_101_assignsubmission_file_")
                    .file("Jane Smith_101_assignsubmission_file_/essay.docx", "jane's essay")
                    .file("Jane Smith_101_assignsubmission_file_/sources/refs.pdf", "jane's refs")
                    .file("Tom Jones_102_assignsubmission_file/essay.docx", "tom's essay")); // older Moodle: no trailing _
            assertEquals(Layout.MOODLE, result.layout());
            assertEquals(List.of(), result.problems());
            assertEquals(2, result.submissions().size());

            Submission jane = submission(result, "moodle-zip:101");
            assertEquals(Optional.of("lti-jane"), jane.learnerUserId());
            assertEquals(List.of("essay.docx", "sources/refs.pdf"), fileNames(jane));
            assertEquals("jane's essay", text(jane.files().get(0)));
            assertEquals(1, jane.attempt());
            assertEquals(Optional.empty(), jane.group());
            assertEquals(Optional.empty(), jane.onlineText());
            assertEquals(Optional.empty(), jane.files().get(0).declaredType());

            assertEquals(Optional.of("lti-tom"), submission(result, "moodle-zip:102").learnerUserId());
        }

        @Test
        void flatFilesCarryTheOriginalNameAfterThePrefix() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("Jane Smith_101_assignsubmission_file_essay_final.docx", "essay")
                    .file("Jane Smith_101_assignsubmission_file_notes.txt", "notes")
                    .file("Tom Jones_102_assignsubmission_file_essay.docx", "tom"));
            assertEquals(Layout.MOODLE, result.layout());
            Submission jane = submission(result, "moodle-zip:101");
            assertEquals(List.of("essay_final.docx", "notes.txt"), fileNames(jane));
            assertEquals(Optional.of("lti-jane"), jane.learnerUserId());
        }

        @Test
        void onlineTextBecomesTheSubmissionsTextNotAFile() throws Exception {
            String html = "<!DOCTYPE html><html><body><p>My answer</p></body></html>";
            ExportResult result = read(Zips.zip()
                    .file("Jane Smith_101_assignsubmission_onlinetext_onlinetext.html", "\uFEFF" + html)
                    .file("Tom Jones_102_assignsubmission_onlinetext_/onlinetext.html", "<p>Tom's answer</p>")
                    .file("Tom Jones_102_assignsubmission_onlinetext_/diagram.png", "png")
                    .file("Tom Jones_102_assignsubmission_file_/essay.docx", "docx"));
            Submission jane = submission(result, "moodle-zip:101");
            assertEquals(Optional.of(html), jane.onlineText());
            assertEquals(List.of(), jane.files());
            Submission tom = submission(result, "moodle-zip:102");
            assertEquals(Optional.of("<p>Tom's answer</p>"), tom.onlineText());
            assertEquals(List.of("diagram.png", "essay.docx"), fileNames(tom));
        }

        @Test
        void blindMarkingLinksNobodyAndSaysSoOnce() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("Participant_101_assignsubmission_file_/essay.docx", "a")
                    .file("Participant_102_assignsubmission_file_/essay.docx", "b")
                    .file("Participant_103_assignsubmission_onlinetext_onlinetext.html", "<p>c</p>"));
            assertEquals(Layout.MOODLE, result.layout());
            assertEquals(3, result.submissions().size());
            assertTrue(result.submissions().stream().allMatch(s -> s.learnerUserId().isEmpty()));
            assertEquals(1, result.problems().size(), result.problems()::toString);
            assertEquals("", result.problems().get(0).entry());
            assertTrue(result.problems().get(0).reason().contains("blind marking"));
        }

        @Test
        void namesMatchWhateverTheirCaseAccentsAndSpaces() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("jose  alvarez_103_assignsubmission_file_ensayo.docx", "x")
                    .file("JANE SMITH_101_assignsubmission_file_essay.docx", "y")
                    .file("Jones Tom_102_assignsubmission_file_essay.docx", "z")); // family-first full name format
            assertEquals(Optional.of("lti-jose"), submission(result, "moodle-zip:103").learnerUserId());
            assertEquals(Optional.of("lti-jane"), submission(result, "moodle-zip:101").learnerUserId());
            assertEquals(Optional.of("lti-tom"), submission(result, "moodle-zip:102").learnerUserId());
            assertEquals(List.of(), result.problems());
        }

        @Test
        void aGroupSubmissionIsLinkedThroughTheNameAfterTheGroup() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("Team Red-Jane Smith_101_assignsubmission_file_/report.pdf", "red")
                    .file("Team Blue-Someone Else_104_assignsubmission_file_/report.pdf", "blue"));
            assertEquals(Optional.of("lti-jane"), submission(result, "moodle-zip:101").learnerUserId());
            Submission unknown = submission(result, "moodle-zip:104");
            assertEquals(Optional.empty(), unknown.learnerUserId());
            assertEquals(Optional.empty(), unknown.group());
            assertReason(result, "Team Blue-Someone Else_104", "No student on the course roster");
        }

        @Test
        void aHyphenatedNameIsTriedWholeFirst() throws Exception {
            Person anne = Person.learner("lti-anne", "Anne-Marie", "Dupont");
            Person marie = Person.learner("lti-marie", "Marie", "Dupont");
            ExportResult result = read(Zips.zip().file("Anne-Marie Dupont_105_assignsubmission_file_a.docx", "x"),
                    List.of(anne, marie));
            assertEquals(Optional.of("lti-anne"), submission(result, "moodle-zip:105").learnerUserId());
        }

        @Test
        void teachersAreNeverLinked() throws Exception {
            ExportResult result = read(Zips.zip().file("Ada Teacher_106_assignsubmission_file_test.docx", "x"));
            assertEquals(Optional.empty(), submission(result, "moodle-zip:106").learnerUserId());
            assertReason(result, "Ada Teacher_106", "No student on the course roster matches this name");
        }

        @Test
        void twoStudentsOfOneNameLinkNeither() throws Exception {
            Person otherJane = Person.learner("lti-jane-2", "Jane", "Smith");
            ExportResult result = read(Zips.zip().file("Jane Smith_101_assignsubmission_file_a.docx", "x"),
                    List.of(JANE, otherJane));
            assertEquals(Optional.empty(), submission(result, "moodle-zip:101").learnerUserId());
            assertReason(result, "Jane Smith_101", "share this name");
            assertTrue(result.problems().stream().noneMatch(p -> p.reason().contains("Jane") || p.reason().contains("janesmith")),
                    "who it is about is in the entry, never in the reason: " + result.problems());
        }

        @Test
        void twoSubmissionsClaimingOneStudentLinkNeither() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("Jane Smith_101_assignsubmission_file_a.docx", "x")
                    .file("Jane Smith_107_assignsubmission_file_b.docx", "y"));
            assertEquals(Optional.empty(), submission(result, "moodle-zip:101").learnerUserId());
            assertEquals(Optional.empty(), submission(result, "moodle-zip:107").learnerUserId());
            assertReason(result, "Jane Smith_101", "Several submissions");
            assertReason(result, "Jane Smith_107", "Several submissions");
        }

        @Test
        void withoutStudentsOnTheRosterNobodyIsLinkedAndThatIsSaidOnce() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("Jane Smith_101_assignsubmission_file_a.docx", "x")
                    .file("Tom Jones_102_assignsubmission_file_a.docx", "y"), List.of(TEACHER));
            assertTrue(result.submissions().stream().allMatch(s -> s.learnerUserId().isEmpty()));
            assertEquals(1, result.problems().size(), result.problems()::toString);
            assertTrue(result.problems().get(0).reason().contains("roster lists no students"));
        }

        @Test
        void aStrayFileIsASubmissionOfItsOwnWithAProblem() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("Jane Smith_101_assignsubmission_file_a.docx", "x")
                    .file("Tom Jones_102_assignsubmission_file_a.docx", "y")
                    .file("marking notes.txt", "z"));
            assertEquals(Layout.MOODLE, result.layout());
            Submission stray = submission(result, "zip:marking notes.txt");
            assertEquals(Optional.empty(), stray.learnerUserId());
            assertEquals(List.of("marking notes.txt"), fileNames(stray));
            assertReason(result, "marking notes.txt", "Not named like the rest of this Moodle download");
        }

        @Test
        void aReZippedDownloadIsLookedThrough() throws Exception {
            ExportResult result = read(Zips.zip()
                    .folder("Essay submissions")
                    .file("Essay submissions/Jane Smith_101_assignsubmission_file_/essay.docx", "x")
                    .file("Essay submissions/__MACOSX/._essay.docx", "mac"));
            assertEquals(Layout.MOODLE, result.layout());
            assertEquals(Optional.of("lti-jane"), submission(result, "moodle-zip:101").learnerUserId());
            assertEquals(List.of(), result.problems());
        }
    }

    @Nested
    class Canvas {
        @Test
        void filesTextAndLateSubmissionsAreGroupedByStudent() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("smithjane_12345_67890_essay.docx", "essay")
                    .file("smithjane_12345_67891_essay-1.docx", "essay again")
                    .file("jonestom_LATE_12346_67892_essay-2.docx", "late essay")
                    .file("álvarezjosé_12347_text.html", "<p>texto</p>")
                    .file("jonestom_LATE_12346_link.html", "<a href='x'>x</a>"));
            assertEquals(Layout.CANVAS, result.layout());
            assertEquals(List.of(), result.problems());
            assertEquals(3, result.submissions().size());

            Submission jane = submission(result, "canvas-zip:12345");
            assertEquals(Optional.of("lti-jane"), jane.learnerUserId());
            assertEquals(List.of("essay.docx", "essay-1.docx"), fileNames(jane));

            Submission tom = submission(result, "canvas-zip:12346");
            assertEquals(Optional.of("lti-tom"), tom.learnerUserId());
            assertEquals(List.of("essay-2.docx", "link.html"), fileNames(tom));

            Submission jose = submission(result, "canvas-zip:12347");
            assertEquals(Optional.of("lti-jose"), jose.learnerUserId());
            assertEquals(Optional.of("<p>texto</p>"), jose.onlineText());
            assertEquals(List.of(), jose.files());
        }

        @Test
        void theNameKeyIsBuiltFromAFullNameWhenTheRosterHasNoParts() throws Exception {
            Person nameOnly = new Person("lti-anna", Optional.of("Anna van der Berg"), Optional.empty(), Optional.empty(),
                    Optional.empty(), Role.LEARNER);
            ExportResult result = read(Zips.zip().file("vanderberganna_12348_67893_thesis.pdf", "x"), List.of(nameOnly));
            assertEquals(Optional.of("lti-anna"), submission(result, "canvas-zip:12348").learnerUserId());
        }

        @Test
        void twoStudentsSharingANameKeyLinkNeither() throws Exception {
            Person otherJane = Person.learner("lti-jane-2", "Jane", "Smith");
            ExportResult result = read(Zips.zip().file("smithjane_12345_67890_essay.docx", "x"), List.of(JANE, otherJane));
            assertEquals(Optional.empty(), submission(result, "canvas-zip:12345").learnerUserId());
            assertReason(result, "smithjane_12345", "share this name");
        }

        @Test
        void anonymousGradingLinksNobodyAndSaysSoOnce() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("12345_67890_essay.docx", "x")
                    .file("LATE_12346_67891_essay.docx", "y")
                    .file("12347_text.html", "<p>z</p>"));
            assertEquals(Layout.CANVAS, result.layout());
            assertEquals(3, result.submissions().size());
            assertTrue(result.submissions().stream().allMatch(s -> s.learnerUserId().isEmpty()));
            assertEquals(1, result.problems().size(), result.problems()::toString);
            assertTrue(result.problems().get(0).reason().contains("anonymous grading"));
        }
    }

    @Nested
    class Unknown {
        @Test
        void eachTopLevelFileOrFolderIsASubmissionWithNoStudent() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("essay one.docx", "1")
                    .file("notes.txt", "2")
                    .file("Jane/essay.docx", "3")
                    .file("Jane/figures/fig1.png", "4")
                    .file(".DS_Store", "finder"));
            assertEquals(Layout.UNKNOWN, result.layout());
            assertEquals(List.of("zip:essay one.docx", "zip:notes.txt", "zip:Jane"),
                    result.submissions().stream().map(Submission::sourceKey).toList());
            assertTrue(result.submissions().stream().allMatch(s -> s.learnerUserId().isEmpty()));
            assertEquals(List.of("essay.docx", "figures/fig1.png"), fileNames(submission(result, "zip:Jane")));
            assertEquals(List.of(), result.problems());
        }

        @Test
        void aFolderAroundEverythingIsLookedThrough() throws Exception {
            ExportResult result = read(Zips.zip().file("Essays/jane.docx", "1").file("Essays/tom.docx", "2"));
            assertEquals(Layout.UNKNOWN, result.layout());
            assertEquals(List.of("zip:Essays/jane.docx", "zip:Essays/tom.docx"),
                    result.submissions().stream().map(Submission::sourceKey).toList());
        }

        @Test
        void aVeryLongPathStillMakesAKeyThatFits() throws Exception {
            String longName = "e".repeat(240) + ".docx";
            ExportResult result = read(Zips.zip().file(longName, "x").file("other.txt", "y"));
            String key = result.submissions().get(0).sourceKey();
            assertTrue(key.startsWith("zip:sha256:") && key.length() <= 200, key);
        }

        @Test
        void anEmptyZipHasNoSubmissions() throws Exception {
            ExportResult result = read(Zips.zip());
            assertEquals(Layout.UNKNOWN, result.layout());
            assertEquals(List.of(), result.submissions());
        }

        @Test
        void aFewCanvasLikeNamesDoNotMakeACanvasZip() throws Exception {
            ExportResult result = read(Zips.zip()
                    .file("2023_05_report.pdf", "1").file("essay.docx", "2").file("notes.txt", "3"));
            assertEquals(Layout.UNKNOWN, result.layout());
        }
    }

    @Nested
    class Fingerprints {
        private Zips jane(String essay) {
            return Zips.zip()
                    .file("Jane Smith_101_assignsubmission_file_/essay.docx", essay)
                    .file("Jane Smith_101_assignsubmission_file_/refs.pdf", "refs");
        }

        private String fingerprint(Zips zip) throws Exception {
            return submission(read(zip), "moodle-zip:101").fingerprint();
        }

        @Test
        void theSameWorkHasTheSameFingerprintWhateverTheOrderInTheZip() throws Exception {
            Zips reordered = Zips.zip()
                    .file("Tom Jones_102_assignsubmission_file_/other.docx", "tom")
                    .file("Jane Smith_101_assignsubmission_file_/refs.pdf", "refs")
                    .file("Jane Smith_101_assignsubmission_file_/essay.docx", "essay");
            String fingerprint = fingerprint(jane("essay"));
            assertEquals(fingerprint, fingerprint(reordered));
            assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
        }

        @Test
        void aChangedByteOrNameChangesTheFingerprint() throws Exception {
            String fingerprint = fingerprint(jane("essay"));
            assertNotEquals(fingerprint, fingerprint(jane("essay!")));
            Zips renamed = Zips.zip()
                    .file("Jane Smith_101_assignsubmission_file_/essay2.docx", "essay")
                    .file("Jane Smith_101_assignsubmission_file_/refs.pdf", "refs");
            assertNotEquals(fingerprint, fingerprint(renamed));
        }

        @Test
        void movingBytesBetweenNameAndContentChangesTheFingerprint() {
            String a = Fingerprint.of(List.of(new Fingerprint.Part("ab", false, "c".getBytes(StandardCharsets.UTF_8))));
            String b = Fingerprint.of(List.of(new Fingerprint.Part("a", false, "bc".getBytes(StandardCharsets.UTF_8))));
            assertNotEquals(a, b);
        }

        @Test
        void onlineTextCountsToo() throws Exception {
            Zips before = Zips.zip().file("Jane Smith_101_assignsubmission_onlinetext_onlinetext.html", "<p>one</p>");
            Zips after = Zips.zip().file("Jane Smith_101_assignsubmission_onlinetext_onlinetext.html", "<p>two</p>");
            assertNotEquals(fingerprint(before), fingerprint(after));
        }
    }

    @Test
    void hostileEntriesAreLeftOutAndTheStudentsAreStillRead() throws Exception {
        ExportResult result = read(Zips.zip()
                .file("../../etc/passwd", "root")
                .file("/abs", "x")
                .file("C:\\x", "x")
                .file("a/../../b", "x")
                .file("Jane Smith_101_assignsubmission_file_essay.docx", "essay"));
        assertEquals(Layout.MOODLE, result.layout());
        assertEquals(1, result.submissions().size());
        assertEquals(Optional.of("lti-jane"), result.submissions().get(0).learnerUserId());
        assertEquals(List.of("../../etc/passwd", "/abs", "C:\\x", "a/../../b"),
                result.problems().stream().map(Problem::entry).toList());
    }

    @Test
    void aBombBesideRealWorkIsLeftOutWithAProblem() throws Exception {
        ExportResult result = read(Zips.zip()
                .file("Jane Smith_101_assignsubmission_file_essay.docx", "essay")
                .zeros("Tom Jones_102_assignsubmission_file_essay.docx", 50L * 1024 * 1024));
        assertEquals(List.of("moodle-zip:101"), result.submissions().stream().map(Submission::sourceKey).toList());
        assertReason(result, "Tom Jones_102_assignsubmission_file_essay.docx", "ZIP bomb");
    }

    @Test
    void notAZipIsRefusedWithAMessageForTheTeacher() {
        ExportZipRefused refused = assertThrows(ExportZipRefused.class, () -> ExportZip.read(
                new ByteArrayInputStream("%PDF-1.7 an essay".getBytes(StandardCharsets.UTF_8)), ZipLimits.defaults(), ROSTER));
        assertEquals(ExportZipRefused.Reason.NOT_A_ZIP, refused.reason());
        assertEquals("The uploaded file is a PDF document, not a ZIP archive. Upload the ZIP the LMS's "
                + "\"download all submissions\" produced.", refused.getMessage());
    }

    @Test
    void zeroByteFilesAreKept() throws Exception {
        ExportResult result = read(Zips.zip().file("Jane Smith_101_assignsubmission_file_empty.docx", new byte[0]));
        assertArrayEquals(new byte[0], submission(result, "moodle-zip:101").files().get(0).content());
    }
}
