package org.calibrate.platform.entity;

/** The OAuth client id the platform gave this tool (LTI Core §5.1.2, {@code aud}). */
public record ClientId(String value) {
    public ClientId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ClientId must not be blank");
        }
        if (value.length() > 255 * 2) {
            throw new IllegalArgumentException("ClientId is longer than 510 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
