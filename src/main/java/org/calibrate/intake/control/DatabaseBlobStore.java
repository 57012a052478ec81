package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.intake.entity.StoredBlob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Blobs as rows of {@code stored_blob}: written in the transaction that uses them, so a crash leaves none half-made.
 * Content already kept (an upload that becomes a piece's original, a file imported again) is kept once.
 */
@ApplicationScoped
@Transactional
public class DatabaseBlobStore implements BlobStore {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    @Override
    public Ref put(byte[] content, String mediaType) {
        String hash = sha256(content);
        for (Object[] r : em.createQuery("select b.id, b.mediaType from StoredBlob b where b.sha256 = :h and b.size = :s", Object[].class)
                .setParameter("h", hash).setParameter("s", (long) content.length).setMaxResults(1).getResultList()) {
            return new Ref((String) r[0], hash, content.length, (String) r[1]);
        }
        StoredBlob blob = new StoredBlob(hash, mediaType, content, Instant.now());
        em.persist(blob);
        return new Ref(blob.id(), blob.sha256(), blob.size(), blob.mediaType());
    }

    @Override
    public Optional<byte[]> content(String id) {
        return em.createQuery("select b.content from StoredBlob b where b.id = :id", byte[].class).setParameter("id", id)
                .getResultList().stream().findFirst();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
