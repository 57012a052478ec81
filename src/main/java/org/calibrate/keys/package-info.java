/** The tool's own signing keys: generated on first start, rotated with an overlap, published as a JWKS. */
package org.calibrate.keys;
