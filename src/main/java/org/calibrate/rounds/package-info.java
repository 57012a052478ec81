/** Moderation rounds: a course's pieces, rubric version, scorers, moderators, design and phase. */
package org.calibrate.rounds;
