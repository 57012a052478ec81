package org.calibrate.launch.control;

import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an OIDC third-party initiated login (LTI Core §5.1.1, Security Framework §5.1.1.1),
 * as posted or sent as a query by the platform.
 */
public record LoginRequest(String iss, String loginHint, String targetLinkUri, Optional<String> ltiMessageHint,
                           Optional<String> clientId, Optional<String> deploymentId, Optional<String> storageTarget) {

    public static LoginRequest of(Map<String, String> params) {
        return new LoginRequest(params.get("iss"), params.get("login_hint"), params.get("target_link_uri"),
                present(params.get("lti_message_hint")), present(params.get("client_id")),
                present(params.get("lti_deployment_id")), present(params.get("lti_storage_target")));
    }

    /** Platforms send optional parameters empty as often as they leave them out; blank counts as absent. */
    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
