/** Reliability reports of a round for its moderators: the statistics core over the round's submitted scores, in plain language. */
package org.calibrate.reports;
