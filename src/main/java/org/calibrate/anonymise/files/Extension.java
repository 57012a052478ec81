package org.calibrate.anonymise.files;

import org.calibrate.intake.formats.Format;

/** The file extension of what this package writes: images are always written as PNG. */
final class Extension {
    static final String PNG = "image/png";

    private Extension() {
    }

    static String of(Format format) {
        return switch (format) {
            case PDF -> "pdf";
            case DOCX -> "docx";
            case ODT -> "odt";
            case IMAGE -> "png";
            case TEXT -> "txt";
            case HTML -> "html";
            case RTF -> "rtf";
        };
    }
}
