/**
 * The built-in demo LMS: a platform simulator with its own keys, JWKS and OIDC authentication
 * endpoint, performing real LTI 1.3 launches into the tool through {@code /lti/login} and
 * {@code /lti/launch}. Registered like any platform ({@code lti-config/platforms/demo.json});
 * on by default with the embedded database, off (404, registration disabled) with {@code CALIBRATE_DEMO=false}.
 */
package org.calibrate.demo;
