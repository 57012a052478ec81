package org.calibrate.platform.entity;

import java.time.Instant;
import java.util.Set;

/** An OAuth 2 access token for a platform's LTI Advantage services, with the scopes the platform granted. */
public record AccessToken(String value, Set<String> scopes, Instant expiresAt) {
    public AccessToken {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        // Never the token itself.
        return "AccessToken[scopes=" + scopes + ", expiresAt=" + expiresAt + "]";
    }
}
