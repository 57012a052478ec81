package org.calibrate.launch.entity;

import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.RegisteredPlatform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A launch whose id_token passed every check. This is all the rest of the application learns of
 * LTI. Deliberately without the return URL (Moodle puts the user's session key in it) and without
 * the raw token.
 */
public record LtiLaunch(RegisteredPlatform platform, DeploymentId deploymentId, String messageType,
                        String subject, Optional<String> name, Optional<String> email,
                        List<String> roles, ToolRole toolRole,
                        Context context, ResourceLink resourceLink, String targetLinkUri,
                        Map<String, String> custom) {

    public LtiLaunch {
        roles = List.copyOf(roles);
        custom = Map.copyOf(custom);
    }

    /** The course (LTI Core §5.4.1 context claim). */
    public record Context(String id, Optional<String> title, Optional<String> label) {
    }

    /** The placement in the course (LTI Core §5.3.5 resource link claim). */
    public record ResourceLink(String id, Optional<String> title) {
    }
}
