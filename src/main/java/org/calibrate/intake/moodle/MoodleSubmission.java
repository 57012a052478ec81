package org.calibrate.intake.moodle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of {@code mod_assign_get_submissions}: the latest attempt of one student, or of one group
 * when the assignment takes team submissions.
 *
 * @param userId        the student; 0 on a team submission, which belongs to {@code groupId}
 * @param groupId       the submitting group of a team submission (0: students in no group), 0 otherwise
 * @param attemptNumber Moodle's attempt number, from 0
 * @param status        {@code new}, {@code draft}, {@code submitted} or {@code reopened}
 * @param onlineText    the online text as HTML, when the student wrote one
 */
public record MoodleSubmission(long id, long userId, long groupId, int attemptNumber, String status, Instant modified,
                               Optional<String> onlineText, List<MoodleFile> files) {
    public static final String SUBMITTED = "submitted";
    public static final String DRAFT = "draft";

    public MoodleSubmission {
        status = status == null ? "" : status;
        modified = modified == null ? Instant.EPOCH : modified;
        onlineText = onlineText == null ? Optional.empty() : onlineText.filter(t -> !t.isBlank());
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Moodle keeps a team's work on a row of user 0 and gives each member a row of their own with no content. */
    public boolean team() {
        return userId == 0;
    }

    public boolean hasContent() {
        return onlineText.isPresent() || !files.isEmpty();
    }
}
