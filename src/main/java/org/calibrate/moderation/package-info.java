/** Moderation of a scored round: the scoring chart (piece × scorer) with each piece's agreement status. */
package org.calibrate.moderation;
