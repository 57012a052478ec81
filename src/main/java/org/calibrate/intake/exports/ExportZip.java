package org.calibrate.intake.exports;

import org.calibrate.anonymise.entity.Person;
import org.calibrate.intake.entity.Submission;
import org.calibrate.intake.entity.SubmittedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an LMS "download all submissions" ZIP (Moodle, Canvas, or anything else) into one
 * {@link Submission} per student, linked to the student on the course roster where the name allows.
 *
 * <p>The layout is the LMS scheme that names most of the files (at least half of them); files it
 * does not name become submissions of their own with a {@link Problem}. When no scheme fits, every
 * top-level file or folder is a submission with no student ({@link Layout#UNKNOWN}). A single folder
 * around everything (a re-zipped download) is looked through.
 *
 * <p>Students are linked by name, never by the ids in the file names: Moodle's participant number
 * and Canvas's user id are not the LTI user id the roster carries. A name that matches nobody, or
 * more than one student, or the same student as another submission in the ZIP, leaves the
 * submission unlinked with a problem; a wrong link would put a student's own teacher on their work.
 *
 * <p>Zero-byte files are kept: whether an empty file is acceptable is the format check's call, and
 * that check sees every file. A ZIP inside the ZIP is kept as a file and not opened. The ZIP carries
 * only each student's latest work, so every submission is attempt 1.
 */
public final class ExportZip {
    private static final List<NameScheme> SCHEMES = List.of(new MoodleNames(), new CanvasNames());

    private ExportZip() {
    }

    /**
     * @param zip    the upload; read to its end (up to {@link ZipLimits#maxZipBytes()}), not closed
     * @param roster the course members; only students are linked
     * @throws ExportZipRefused when the upload as a whole is not a readable submissions ZIP within the limits
     * @throws IOException      when reading the upload itself fails
     */
    public static ExportResult read(InputStream zip, ZipLimits limits, List<Person> roster) throws IOException, ExportZipRefused {
        UploadBytes.Upload upload = UploadBytes.read(zip, limits.maxZipBytes());
        ZipEntries.Contents contents = ZipEntries.read(upload.bytes(), upload.length(), limits);
        List<Problem> problems = new ArrayList<>(contents.problems());
        return assemble(contents.files(), new Learners(roster), problems);
    }

    private record Placed(Claim claim, byte[] content) {
    }

    private static ExportResult assemble(List<ZipEntries.Entry> files, Learners learners, List<Problem> problems) {
        List<String> paths = files.stream().map(ZipEntries.Entry::path).toList();
        String wrapper = "";
        Optional<NameScheme> scheme = recognise(paths, "");
        if (scheme.isEmpty()) {
            // Known or not, a folder around everything is looked through: each student's item stands alone.
            wrapper = wrapper(paths);
            scheme = wrapper.isEmpty() ? scheme : recognise(paths, wrapper);
        }
        Map<String, List<Placed>> students = new LinkedHashMap<>();
        for (ZipEntries.Entry file : files) {
            Claim claim = claim(file.path(), wrapper, scheme, problems);
            students.computeIfAbsent(claim.sourceKey(), k -> new ArrayList<>()).add(new Placed(claim, file.content()));
        }
        Map<String, String> linked = link(students, learners, scheme, problems);
        List<Submission> submissions = new ArrayList<>();
        students.forEach((key, placed) -> submissions.add(submission(key, placed, Optional.ofNullable(linked.get(key)))));
        return new ExportResult(scheme.map(NameScheme::layout).orElse(Layout.UNKNOWN), submissions, problems);
    }

    /** The scheme naming most files, if it names at least half: one stray Canvas-like name does not make a Canvas ZIP. */
    private static Optional<NameScheme> recognise(List<String> paths, String wrapper) {
        NameScheme best = null;
        long bestCount = 0;
        for (NameScheme scheme : SCHEMES) {
            long count = paths.stream().filter(p -> scheme.claim(p.substring(wrapper.length())).isPresent()).count();
            if (count > bestCount) {
                best = scheme;
                bestCount = count;
            }
        }
        return bestCount > 0 && bestCount * 2 >= paths.size() ? Optional.of(best) : Optional.empty();
    }

    /** The one folder everything is in ("submissions/"), or empty. */
    private static String wrapper(List<String> paths) {
        if (paths.isEmpty() || paths.stream().anyMatch(p -> p.indexOf('/') < 0)) {
            return "";
        }
        String first = paths.get(0).substring(0, paths.get(0).indexOf('/') + 1);
        return paths.stream().allMatch(p -> p.startsWith(first)) ? first : "";
    }

    private static Claim claim(String path, String wrapper, Optional<NameScheme> scheme, List<Problem> problems) {
        Optional<Claim> claim = scheme.flatMap(s -> s.claim(path.substring(wrapper.length())));
        if (claim.isPresent()) {
            return claim.get();
        }
        scheme.ifPresent(s -> problems.add(new Problem(EntryNames.shown(path), "Not named like the rest of this "
                + lms(s.layout()) + " download, so it was imported as a submission of its own, not linked to a student.")));
        return LooseFiles.claim(path, wrapper);
    }

    /** Each submission's student, by source key; submissions left out stay unlinked. */
    private static Map<String, String> link(Map<String, List<Placed>> students, Learners learners,
                                            Optional<NameScheme> scheme, List<Problem> problems) {
        Map<String, String> linked = new HashMap<>();
        Map<String, List<String>> claimedBy = new LinkedHashMap<>();
        Map<String, Claim> firstClaims = new HashMap<>();
        boolean hiddenSaid = false;
        boolean emptyRosterSaid = false;
        for (Map.Entry<String, List<Placed>> student : students.entrySet()) {
            Claim claim = student.getValue().get(0).claim();
            firstClaims.put(student.getKey(), claim);
            if (claim.nameHidden() && !hiddenSaid && scheme.isPresent()) {
                problems.add(new Problem("", scheme.get().hiddenNames()));
                hiddenSaid = true;
            }
            if (claim.studentName().isEmpty()) {
                continue;
            }
            String name = claim.studentName().get();
            if (learners.none()) {
                if (!emptyRosterSaid) {
                    problems.add(new Problem("", "The course roster lists no students, so no submission is linked to a student."));
                    emptyRosterSaid = true;
                }
                continue;
            }
            Set<String> found = learners.named(name);
            if (found.isEmpty()) {
                problems.add(new Problem(claim.label(), "No student on the course roster matches this name, so this submission is not"
                        + " linked to a student."));
            } else if (found.size() > 1) {
                problems.add(new Problem(claim.label(), "Two or more students on the course roster share this name, so this submission"
                        + " is not linked to any of them; link it by hand."));
            } else {
                String userId = found.iterator().next();
                claimedBy.computeIfAbsent(userId, k -> new ArrayList<>()).add(student.getKey());
            }
        }
        claimedBy.forEach((userId, keys) -> {
            if (keys.size() == 1) {
                linked.put(keys.get(0), userId);
            } else {
                // Two submissions for one student means two people of one name, or a group written twice: neither is sure.
                for (String key : keys) {
                    Claim claim = firstClaims.get(key);
                    problems.add(new Problem(claim.label(), "Several submissions in the ZIP match the same student, so none of them is"
                            + " linked; link them by hand."));
                }
            }
        });
        return linked;
    }

    private static Submission submission(String sourceKey, List<Placed> placed, Optional<String> learner) {
        List<SubmittedFile> files = new ArrayList<>();
        List<Fingerprint.Part> parts = new ArrayList<>();
        Optional<String> onlineText = Optional.empty();
        for (Placed p : placed) {
            boolean asText = p.claim().onlineText() && onlineText.isEmpty();
            if (asText) {
                onlineText = Optional.of(text(p.content()));
            } else {
                files.add(new SubmittedFile(p.claim().fileName(), Optional.empty(), p.content()));
            }
            parts.add(new Fingerprint.Part(p.claim().fileName(), asText, p.content()));
        }
        return new Submission(sourceKey, Fingerprint.of(parts), learner, Optional.empty(), 1, Optional.empty(), onlineText, files);
    }

    /** Online text is HTML the LMS wrote in UTF-8; a byte-order mark is not part of it. */
    private static String text(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String lms(Layout layout) {
        return layout == Layout.MOODLE ? "Moodle" : "Canvas";
    }
}
