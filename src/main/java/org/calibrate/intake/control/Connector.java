package org.calibrate.intake.control;

import org.calibrate.intake.entity.Submission;

import java.util.List;

/**
 * Where a round's submissions come from. An import first lists (cheap, all at once, so progress has
 * a total), then fetches each listed submission on its own, so a failure touches one item and a
 * resumed import fetches only what is left.
 */
public interface Connector {
    /** What there is to import, without the content. */
    List<Listed> list() throws SourceFailure;

    /** One listed submission with its content, sizes bounded by the connector. */
    Submission fetch(Listed listed) throws SourceFailure;

    /** What the whole source said about its submissions that a person should read (files left out, students not linked). */
    default List<String> notices() {
        return List.of();
    }

    /**
     * A submission known by its key and fingerprint (see {@link Submission}); {@code handle} is what
     * the connector needs to fetch it again (an id, a URL list), kept with the import item.
     */
    record Listed(String sourceKey, String fingerprint, String handle) {
        public Listed {
            if (sourceKey == null || sourceKey.isBlank() || sourceKey.length() > 200) {
                throw new IllegalArgumentException("a listed submission needs a source key of at most 200 characters");
            }
            if (fingerprint == null || fingerprint.isBlank() || fingerprint.length() > 200) {
                throw new IllegalArgumentException("a listed submission needs a fingerprint of at most 200 characters");
            }
            if (handle == null || handle.length() > 4000) {
                throw new IllegalArgumentException("a listed submission's handle is at most 4000 characters");
            }
        }
    }
}
