package org.calibrate.anonymise.files;

import org.calibrate.intake.formats.Format;

import java.util.List;

/**
 * A student's file with its metadata removed. It carries no file name: the caller names it by piece code,
 * since the original name often holds the student's name.
 *
 * @param content   the scrubbed file
 * @param format    its format; an image always comes out as PNG
 * @param mediaType what to serve it as
 * @param removed   what kinds of metadata were found and removed ("document information", "2 comments"), never
 *                  their values
 */
public record ScrubbedFile(byte[] content, Format format, String mediaType, List<String> removed) {
    public ScrubbedFile {
        removed = List.copyOf(removed);
    }

    /** The extension to give the file, named by its piece code. */
    public String extension() {
        return Extension.of(format);
    }
}
