/**
 * The application session that follows a valid launch: who the user is, in which course and
 * placement, with which tool role, carried by a short-lived signed Bearer token (no third-party
 * cookie), and the authorisation of every {@code /api} request by it.
 */
package org.calibrate.session;
