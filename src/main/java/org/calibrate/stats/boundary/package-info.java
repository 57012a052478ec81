/** The stats batch command: ratings CSV in, the round's reliability report as JSON out. */
package org.calibrate.stats.boundary;
