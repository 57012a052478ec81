/** Stripping student identities from the work itself, framework-free: names known from the course are redacted before any scorer reads a piece. */
package org.calibrate.anonymise;
