package org.calibrate.anonymise.entity;

/** What happened to a span: replaced by its label, or left in place for a moderator to decide. */
public enum Action {
    REDACTED, FLAGGED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
