/** The exemplar library: pieces kept, with their annotation, as anchors for later rounds; consent and retention enforced. */
package org.calibrate.exemplars;
