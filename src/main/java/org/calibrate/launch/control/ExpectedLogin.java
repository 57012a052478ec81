package org.calibrate.launch.control;

import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.Issuer;

/** What the login step recorded under the OIDC state, and the id_token must therefore carry. */
public record ExpectedLogin(Issuer issuer, ClientId clientId, String nonce, String targetLinkUri) {
}
