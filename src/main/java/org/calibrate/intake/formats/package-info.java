/**
 * Turns a student's submitted file (or an LMS's online text) into plain text a scorer can read, recognising
 * the format from the content alone and refusing, with a reason a teacher understands, whatever it cannot
 * read safely. Plain Java: no container, so every hostile file can be tried in a unit test.
 */
package org.calibrate.intake.formats;
