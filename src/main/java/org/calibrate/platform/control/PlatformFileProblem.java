package org.calibrate.platform.control;

/** Why one platform file was not loaded: the file, the field at fault (or "-" for the file itself) and what to fix. */
public record PlatformFileProblem(String file, String field, String message) {
    @Override
    public String toString() {
        return file + ": " + ("-".equals(field) ? "" : "field '" + field + "': ") + message;
    }
}
