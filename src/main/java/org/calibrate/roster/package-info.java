/**
 * The course roster from the platform (LTI Names and Role Provisioning Services 2.0): who can be a
 * scorer, and which student names the anonymiser must remove.
 */
package org.calibrate.roster;
