package org.calibrate.launch.control;

import com.nimbusds.jose.jwk.JWK;
import org.calibrate.platform.entity.RegisteredPlatform;

/** Finds a platform's public key by kid, from the platform's registered key set URL only. */
@FunctionalInterface
public interface KeyResolver {
    JWK key(RegisteredPlatform platform, String kid) throws LaunchRejected;
}
