package org.calibrate.platform.entity;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A registration as written in a platform file or an admin form, already checked field by field. */
public record PlatformDefinition(Issuer issuer, ClientId clientId, URI authLoginUrl, Optional<URI> authTokenUrl,
                                 URI keySetUrl, List<DeploymentId> deploymentIds, Optional<String> name,
                                 boolean demo) {
    public PlatformDefinition {
        deploymentIds = List.copyOf(deploymentIds);
    }
}
