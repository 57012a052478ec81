package org.calibrate.intake.moodle;

import org.calibrate.intake.control.Connector;
import org.calibrate.intake.control.SourceFailure;
import org.calibrate.intake.entity.Submission;
import org.calibrate.intake.entity.SubmittedFile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The submissions of one Moodle assignment, through web services.
 *
 * <p>Only each student's (or team's) latest attempt can be imported: {@code mod_assign_get_submissions}
 * returns nothing else, and no web-service function returns earlier attempts, so there is no
 * "first attempt" choice. A student whose latest attempt was reopened and is still empty is not
 * listed, though an earlier attempt exists in Moodle. Attempts count when submitted; drafts only when
 * asked for (where students must click the submit button, work they have not handed in yet is a draft).
 *
 * <p>{@code list} keeps the listing in memory and {@code fetch} takes the online text and file
 * addresses from it; Moodle has no call for one student's submission. After a restart, or when the
 * listed fingerprint is not the one in memory, {@code fetch} lists again (at most once a minute) and
 * fetches what Moodle holds now: the returned submission carries its current fingerprint.
 */
public final class MoodleSubmissions implements Connector {
    static final Duration RELIST_AFTER = Duration.ofMinutes(1);

    private final MoodleClient client;
    private final long courseId;
    private final long assignmentId;
    private final boolean includeDrafts;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public MoodleSubmissions(MoodleClient client, long courseId, long assignmentId, boolean includeDrafts) {
        this(client, courseId, assignmentId, includeDrafts, Clock.systemUTC());
    }

    MoodleSubmissions(MoodleClient client, long courseId, long assignmentId, boolean includeDrafts, Clock clock) {
        this.client = client;
        this.courseId = courseId;
        this.assignmentId = assignmentId;
        this.includeDrafts = includeDrafts;
        this.clock = clock;
    }

    private record Entry(Listed listed, MoodleSubmission row, Optional<String> group) {
    }

    private record Snapshot(Map<String, Entry> entries, Instant at) {
    }

    @Override
    public List<Listed> list() throws SourceFailure {
        return relist().entries().values().stream().map(Entry::listed).toList();
    }

    @Override
    public Submission fetch(Listed listed) throws SourceFailure {
        if (!listed.sourceKey().startsWith(ListingKeys.prefix(assignmentId))) {
            throw new SourceFailure("this submission was not listed from Moodle assignment " + assignmentId, false);
        }
        Entry e = current(listed);
        MoodleSubmission row = e.row();
        List<SubmittedFile> files = new ArrayList<>();
        for (int i = 0; i < row.files().size(); i++) {
            files.add(client.download(row.files().get(i), "file " + (i + 1) + " of " + row.files().size()));
        }
        // Moodle's LTI 1.3 launches and NRPS use the Moodle user id as the subject (login_hint, sub, user_id),
        // so this id is the same string the tool knows the student by from launches and rosters.
        Optional<String> learner = row.team() ? Optional.empty() : Optional.of(Long.toString(row.userId()));
        return new Submission(e.listed().sourceKey(), e.listed().fingerprint(), learner, e.group(), row.attemptNumber() + 1,
                Optional.of(row.modified()), row.onlineText(), files);
    }

    private Entry current(Listed listed) throws SourceFailure {
        Snapshot s = snapshot;
        Entry e = s == null ? null : s.entries().get(listed.sourceKey());
        boolean unknown = e == null || !e.listed().fingerprint().equals(listed.fingerprint());
        if (unknown && (s == null || clock.instant().isAfter(s.at().plus(RELIST_AFTER)))) {
            e = refresh(s).entries().get(listed.sourceKey());
        }
        if (e == null) {
            throw new SourceFailure("The submission (" + ListingKeys.describe(listed.handle()) + ") is no longer submitted in Moodle: "
                    + "it was removed, reopened or reverted to draft", false);
        }
        return e;
    }

    /** Lists again unless another fetch did so while this one waited: parallel fetches after a restart list once. */
    private synchronized Snapshot refresh(Snapshot seen) throws SourceFailure {
        Snapshot now = snapshot;
        return now != seen && now != null ? now : relist();
    }

    private synchronized Snapshot relist() throws SourceFailure {
        List<MoodleSubmission> rows = client.submissions(assignmentId);
        Map<String, MoodleSubmission> latest = new HashMap<>();
        for (MoodleSubmission row : rows) {
            if (counts(row)) {
                // One submitter, one entry: should Moodle return two rows for one key, the newer one wins.
                latest.merge(ListingKeys.sourceKey(assignmentId, row), row, (a, b) -> b.modified().isAfter(a.modified()) ? b : a);
            }
        }
        Groups groups = latest.isEmpty() ? Groups.NONE : groups(latest.values());
        Map<String, Entry> entries = new LinkedHashMap<>();
        latest.values().stream()
                .sorted(Comparator.comparing(MoodleSubmission::team).thenComparingLong(r -> r.team() ? r.groupId() : r.userId()))
                .forEach(row -> {
                    String key = ListingKeys.sourceKey(assignmentId, row);
                    Listed listed = new Listed(key, ListingKeys.fingerprint(row), ListingKeys.handle(row));
                    entries.put(key, new Entry(listed, row, row.team() ? groups.team(row.groupId()) : groups.of(row.userId())));
                });
        Snapshot s = new Snapshot(Collections.unmodifiableMap(entries), clock.instant());
        snapshot = s;
        return s;
    }

    /**
     * Submitted (or, when asked, draft) attempts with content. {@code new} and {@code reopened} attempts
     * are empty by definition; in team assignments each member has a content-less row mirroring the
     * team's status, and the work itself is on the team's row.
     */
    private boolean counts(MoodleSubmission row) {
        boolean status = MoodleSubmission.SUBMITTED.equals(row.status()) || (includeDrafts && MoodleSubmission.DRAFT.equals(row.status()));
        return status && row.hasContent();
    }

    private Groups groups(Iterable<MoodleSubmission> rows) throws SourceFailure {
        Map<Long, List<MoodleGroup>> byUser = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (EnrolledUser u : client.enrolledUsers(courseId)) {
            byUser.put(u.id(), u.groups());
            u.groups().forEach(g -> names.put(g.id(), g.name()));
        }
        boolean unnamed = false;
        for (MoodleSubmission row : rows) {
            unnamed |= row.team() && row.groupId() != 0 && !names.containsKey(row.groupId());
        }
        if (unnamed) {
            // A team whose members all left still has its submission; only the course's group list names it.
            // That call needs moodle/course:managegroups, which a non-editing teacher's token lacks: the name is then left out.
            try {
                client.courseGroups(courseId).forEach(g -> names.putIfAbsent(g.id(), g.name()));
            } catch (SourceFailure e) {
                if (e.retryable()) {
                    throw e;
                }
            }
        }
        return new Groups(byUser, names);
    }

    private record Groups(Map<Long, List<MoodleGroup>> byUser, Map<Long, String> names) {
        static final Groups NONE = new Groups(Map.of(), Map.of());

        /** A student in several groups (a class and a set, say) is shown in all of them, sorted, so the value is stable. */
        Optional<String> of(long userId) {
            TreeSet<String> in = new TreeSet<>();
            byUser.getOrDefault(userId, List.of()).forEach(g -> {
                if (!g.name().isBlank()) {
                    in.add(g.name().strip());
                }
            });
            return in.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", in));
        }

        /** Group 0 is Moodle's "default group" of students in no group: no group to name. */
        Optional<String> team(long groupId) {
            return Optional.ofNullable(names.get(groupId)).filter(n -> !n.isBlank()).map(String::strip);
        }
    }
}
