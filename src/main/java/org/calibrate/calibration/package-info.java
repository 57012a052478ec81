/** Calibration: practice on pieces with an agreed score before live scoring, and who qualified. */
package org.calibrate.calibration;
