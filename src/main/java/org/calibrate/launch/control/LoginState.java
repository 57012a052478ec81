package org.calibrate.launch.control;

import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.Issuer;

import java.util.Optional;

/**
 * What the tool remembers between login and launch, under the OIDC state: the expected issuer,
 * client and nonce, and the secret that proves the launch comes back to the same browser (through a
 * cookie, or through LTI platform storage when the platform offers it).
 */
public record LoginState(String state, ExpectedLogin expected, String browserSecret, Optional<String> storageTarget,
                         Optional<String> platformOrigin) {

    public Issuer issuer() {
        return expected.issuer();
    }

    public ClientId clientId() {
        return expected.clientId();
    }
}
