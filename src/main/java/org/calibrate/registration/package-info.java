/**
 * LTI Dynamic Registration 1.0: the platform opens {@code /lti/register}; the tool reads the
 * platform's OpenID configuration, registers itself and stores the client id and deployment it gets.
 */
package org.calibrate.registration;
