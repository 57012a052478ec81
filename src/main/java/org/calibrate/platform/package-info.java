/**
 * Platform registrations: which LMSes (issuer + client id) and deployments may launch the tool,
 * from {@code lti-config/platforms/*.json} and, later, dynamic registration and the admin pages.
 */
package org.calibrate.platform;
