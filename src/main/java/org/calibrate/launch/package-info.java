/**
 * LTI 1.3 launch: OIDC third-party initiated login, id_token validation (LTI Core 1.3 and the 1EdTech
 * Security Framework) and the browser binding of the state. Knows nothing about rounds: the rest of
 * the application sees a validated {@link org.calibrate.launch.entity.LtiLaunch}.
 */
package org.calibrate.launch;
