/** Blind scoring: a scorer's queue, their own scores of the pieces allocated to them, flags, and progress for moderators. */
package org.calibrate.scoring;
