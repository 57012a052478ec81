package org.calibrate.launch.entity;

import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.RegisteredPlatform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A launch whose id_token passed every check. This is all the rest of the application learns of
 * LTI. Deliberately without the return URL (Moodle puts the user's session key in it) and without
 * the raw token.
 *
 * @param resourceLink present for resource link and submission review launches; a deep linking
 *                     request has none (Deep Linking 2.0 §4.4)
 * @param forUser      the learner a submission review is about, only ever for a teacher's or admin's launch
 */
public record LtiLaunch(RegisteredPlatform platform, DeploymentId deploymentId, String messageType,
                        String subject, Optional<String> name, Optional<String> email,
                        List<String> roles, ToolRole toolRole,
                        Context context, Optional<ResourceLink> resourceLink, String targetLinkUri,
                        Map<String, String> custom, Services services,
                        Optional<DeepLinkingSettings> deepLinking, Optional<String> forUser) {

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

    /**
     * The LTI Advantage endpoints the platform offers for this launch: NRPS 2.0 §3.6.1
     * ({@code context_memberships_url}), AGS 2.0 §3.1 ({@code lineitems}, {@code lineitem}, scopes) and the Platform
     * Notification Service's {@code platform_notification_service_url}, when it takes Asset Processor submission notices.
     */
    public record Services(Optional<URI> membershipsUrl, Optional<URI> lineItemsUrl, Optional<URI> lineItemUrl,
                           Set<String> agsScopes, Optional<URI> noticeServiceUrl) {
        public static final Services NONE = new Services(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Optional.empty());

        public Services {
            agsScopes = Set.copyOf(agsScopes);
        }
    }

    /** Deep Linking 2.0 §4.4.1 {@code deep_linking_settings}: where and what the tool may return. */
    public record DeepLinkingSettings(URI returnUrl, List<String> acceptTypes, List<String> presentationTargets,
                                      boolean acceptMultiple, Optional<String> title, Optional<String> text,
                                      Optional<String> data) {
        public DeepLinkingSettings {
            acceptTypes = List.copyOf(acceptTypes);
            presentationTargets = List.copyOf(presentationTargets);
        }

        public boolean acceptsResourceLink() {
            return acceptTypes.contains("ltiResourceLink");
        }
    }
}
