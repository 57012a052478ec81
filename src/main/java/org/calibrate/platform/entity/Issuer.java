package org.calibrate.platform.entity;

/** The {@code iss} of a platform: a case-sensitive HTTPS URL without query or fragment (Security Framework §5.1.2). */
public record Issuer(String value) {
    public Issuer {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Issuer must not be blank");
        }
        if (value.length() > 255 * 2) {
            throw new IllegalArgumentException("Issuer is longer than 510 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
