package org.calibrate.launch.control;

/** Claim names and values of LTI Core 1.3 (§5.3 required, §5.4 optional message claims). */
public final class LtiClaims {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    public static final String MESSAGE_TYPE = LTI + "message_type";
    public static final String VERSION = LTI + "version";
    public static final String DEPLOYMENT_ID = LTI + "deployment_id";
    public static final String TARGET_LINK_URI = LTI + "target_link_uri";
    public static final String RESOURCE_LINK = LTI + "resource_link";
    public static final String ROLES = LTI + "roles";
    public static final String CONTEXT = LTI + "context";
    public static final String CUSTOM = LTI + "custom";

    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    public static final String SUBMISSION_REVIEW_REQUEST = "LtiSubmissionReviewRequest";
    public static final java.util.Set<String> ACCEPTED_MESSAGE_TYPES =
            java.util.Set.of(RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST, SUBMISSION_REVIEW_REQUEST);
    public static final String VERSION_1_3_0 = "1.3.0";

    private LtiClaims() {
    }
}
