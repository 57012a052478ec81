/**
 * Framework-free reading of an LMS "download all submissions" ZIP a moderator uploads
 * ({@link org.calibrate.intake.exports.ExportZip}): Moodle and Canvas layouts, students linked by name
 * against the course roster, everything bounded by {@link org.calibrate.intake.exports.ZipLimits}.
 *
 * <p>What stops what: a single entry that is hostile or too big (a name climbing out of the archive,
 * a file over the size or ratio limit, a duplicate name) is left out with a
 * {@link org.calibrate.intake.exports.Problem} and the rest is read. Whatever makes the archive as a
 * whole untrustworthy or unreadable (not a ZIP, damaged, cut off, encrypted, too many entries, too much
 * content in all, too large an upload) throws {@link org.calibrate.intake.exports.ExportZipRefused} and
 * nothing is imported, since a partial import would look complete.
 */
package org.calibrate.intake.exports;
