/**
 * The tool's keys: its own signing keys (generated on first start, rotated with an overlap, published as a JWKS), and
 * the data key's ring as admins see it, with the re-sealing of stored values under the current data key.
 */
package org.calibrate.keys;
