/**
 * Deep Linking 2.0: a teacher places Calibrate in a course from the LMS's "add activity" flow; the
 * tool answers with a signed {@code LtiDeepLinkingResponse} holding one resource link and its line item.
 */
package org.calibrate.deeplinking;
