package org.calibrate.intake.control;

import java.util.Optional;

/**
 * Where originals and uploads are kept. The database store is the default (transactional, shared by every
 * node); a file system or object store can take its place behind this interface.
 */
public interface BlobStore {
    /** Keeps the content (in the caller's transaction, where the store has transactions) and returns its id. */
    Ref put(byte[] content, String mediaType);

    Optional<byte[]> content(String id);

    /** A kept blob: its id, SHA-256 (hex), size and type. */
    record Ref(String id, String sha256, long size, String mediaType) {
    }
}
