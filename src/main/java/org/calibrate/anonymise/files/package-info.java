/**
 * Student files made safe to keep and to show: their metadata stripped (authors, comments, tracked changes,
 * EXIF), and the document a scorer reads rebuilt from the redacted content, so the student's own file never
 * reaches a scorer. Plain Java on PDFBox, POI, the JDK's XML and image I/O, and Debian's {@code tesseract}
 * program for OCR; no container, so every hostile file can be tried in a unit test.
 */
package org.calibrate.anonymise.files;
