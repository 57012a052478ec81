package org.calibrate.intake.formats;

/** The formats a submission is read from, as recognised from its content. */
public enum Format {
    TEXT("text/plain"),
    HTML("text/html"),
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ODT("application/vnd.oasis.opendocument.text"),
    RTF("application/rtf"),
    /** A range rather than one type: which image it is (PNG, JPEG…) is told in the extraction's notes. */
    IMAGE("image/*");

    private final String mediaType;

    Format(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
