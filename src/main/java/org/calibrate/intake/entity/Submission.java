package org.calibrate.intake.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One student's submission as a source (an LMS, an export, an upload) delivered it.
 *
 * @param sourceKey     stable within the source: the same submission imported again has the same key
 * @param fingerprint   changes whenever the submission's content changes (attempt, modification time, hash)
 * @param learnerUserId the submitting student's LMS user id, when the source knows it; stored apart from the piece
 * @param group         the class, section or group it came from (keeps teachers off their own students' work)
 * @param attempt       the attempt number, from 1
 * @param onlineText    online text as the LMS holds it (HTML)
 */
public record Submission(String sourceKey, String fingerprint, Optional<String> learnerUserId, Optional<String> group,
                         int attempt, Optional<Instant> submittedAt, Optional<String> onlineText, List<SubmittedFile> files) {
    public Submission {
        if (sourceKey == null || sourceKey.isBlank() || sourceKey.length() > 200) {
            throw new IllegalArgumentException("a submission needs a source key of at most 200 characters");
        }
        if (fingerprint == null || fingerprint.isBlank() || fingerprint.length() > 200) {
            throw new IllegalArgumentException("a submission needs a fingerprint of at most 200 characters");
        }
        learnerUserId = learnerUserId == null ? Optional.empty() : learnerUserId.filter(s -> !s.isBlank());
        group = group == null ? Optional.empty() : group.filter(s -> !s.isBlank());
        submittedAt = submittedAt == null ? Optional.empty() : submittedAt;
        onlineText = onlineText == null ? Optional.empty() : onlineText.filter(s -> !s.isBlank());
        files = files == null ? List.of() : List.copyOf(files);
        if (attempt < 1) {
            attempt = 1;
        }
    }

    public boolean empty() {
        return onlineText.isEmpty() && files.isEmpty();
    }
}
