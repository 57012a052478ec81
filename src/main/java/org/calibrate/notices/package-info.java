/**
 * Platform notices (LTI Platform Notification Service 1.0): the handler platforms post signed notices to, and
 * the Asset Processor submission notices kept until a moderator imports them into a round. A notice names the
 * submitting student, so it is kept sealed and apart, as a piece's identity link is.
 */
package org.calibrate.notices;
