package org.calibrate.notices.entity;

import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.RegisteredPlatform;

import java.time.Instant;
import java.util.Optional;

/**
 * A notice a platform signed and sent (LTI Platform Notification Service 1.0): its id is the platform's
 * idempotency key (a notice sent again carries the same id); only submission notices carry a content.
 */
public record PlatformNotice(RegisteredPlatform platform, DeploymentId deployment, String id, String type, Instant timestamp,
                             Optional<SubmissionNotice> submission) {
    public static final String ASSET_PROCESSOR_SUBMISSION = "LtiAssetProcessorSubmissionNotice";
}
