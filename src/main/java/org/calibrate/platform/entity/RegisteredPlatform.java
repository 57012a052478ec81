package org.calibrate.platform.entity;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable view of one registration, as the launch validation needs it: framework-free, so the
 * LTI rules can be tested with {@code new}.
 */
public record RegisteredPlatform(long id, Issuer issuer, ClientId clientId, URI authLoginUrl,
                                 Optional<URI> authTokenUrl, URI keySetUrl, Set<DeploymentId> deploymentIds,
                                 boolean enabled) {
    public RegisteredPlatform {
        deploymentIds = Set.copyOf(deploymentIds);
    }

    public boolean hasDeployment(DeploymentId deployment) {
        return deploymentIds.contains(deployment);
    }
}
