package org.calibrate.platform.entity;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A registration as written in a platform file or an admin form, already checked field by field. */
/**
 * @param tokenAudience the {@code aud} the platform wants in client assertions when it is not the token
 *                      URL itself (Brightspace: {@code https://api.brightspace.com/auth/token})
 */
public record PlatformDefinition(Issuer issuer, ClientId clientId, URI authLoginUrl, Optional<URI> authTokenUrl,
                                 URI keySetUrl, List<DeploymentId> deploymentIds, Optional<String> name,
                                 boolean demo, Optional<String> tokenAudience) {
    public PlatformDefinition {
        deploymentIds = List.copyOf(deploymentIds);
    }
}
