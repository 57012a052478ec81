package org.calibrate.registration.entity;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a platform's OpenID configuration (Dynamic Registration 1.0 §3.4) that registration
 * uses, already checked.
 */
public record PlatformConfiguration(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                                    URI registrationEndpoint, List<String> scopesSupported,
                                    Optional<String> productFamilyCode, List<String> messagesSupported) {
    public PlatformConfiguration {
        scopesSupported = List.copyOf(scopesSupported);
        messagesSupported = List.copyOf(messagesSupported);
    }
}
