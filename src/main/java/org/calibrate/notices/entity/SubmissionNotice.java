package org.calibrate.notices.entity;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an {@code LtiAssetProcessorSubmissionNotice} says: a student handed work in to an activity the tool
 * processes, and where its files (assets) can be fetched with a service token.
 *
 * @param userId       the submitting student ({@code for_user.user_id}): an identity, kept sealed
 * @param assetScope   the scope a token needs to fetch the assets
 */
public record SubmissionNotice(String contextId, Optional<String> contextTitle, String activityId, Optional<String> activityTitle,
                               Optional<String> submissionId, Optional<Integer> attempt, Optional<Instant> submittedAt,
                               String userId, String assetScope, List<Asset> assets) {
    public SubmissionNotice {
        assets = List.copyOf(assets);
    }

    /** One submitted file. Its title and file name are the student's words and may carry a name: never shown to scorers. */
    public record Asset(String assetId, URI url, Optional<String> title, Optional<String> filename, Optional<String> contentType,
                        OptionalLong size, Optional<String> sha256) {
    }
}
