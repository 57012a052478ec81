package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.intake.entity.ImportJob;
import org.calibrate.intake.entity.ImportKind;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Round;
import org.calibrate.session.boundary.ApiRefusal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a moderator hands in by hand becomes an import job: the bytes kept first (bounded), then worked on like any source. */
@ApplicationScoped
@Transactional
public class Uploads {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    ImportJobs jobs;
    @Inject
    BlobStore blobs;
    @Inject
    IntakePolicy policy;

    public ImportJob file(RoundAccess.Access a, String name, Optional<String> learner, Optional<String> origin, InputStream body) {
        String fileName = fileName(name);
        learner.ifPresent(l -> requireLearner(a.round(), l));
        if (origin.map(o -> o.length() > 100).orElse(false)) {
            throw ApiRefusal.invalid("The class of origin is at most 100 characters.");
        }
        byte[] content = bounded(body, policy.maxFileBytes());
        BlobStore.Ref ref = blobs.put(content, "application/octet-stream");
        String key = learner.map(l -> "upload:learner:" + l).orElse("upload:" + UUID.randomUUID());
        return jobs.create(a, ImportKind.UPLOAD, "Uploaded file" + learner.map(l -> " for a student of the roster").orElse(" (student unknown)"),
                UploadConnector.params(key, learner, origin, List.of(ref), List.of(fileName)));
    }

    /** An LMS's "download all submissions" ZIP: kept as it came, read by the job (bounded there too). */
    public ImportJob zip(RoundAccess.Access a, String name, InputStream body) {
        String fileName = fileName(name);
        byte[] content = bounded(body, policy.maxImportBytes());
        BlobStore.Ref ref = blobs.put(content, "application/zip");
        return jobs.create(a, ImportKind.EXPORT_ZIP, "LMS export " + fileName, ZipConnector.params(ref));
    }

    private void requireLearner(Round round, String learner) {
        long found = em.createQuery("select count(m) from RosterMember m where m.courseId = :c and m.userId = :u", Long.class)
                .setParameter("c", round.courseId()).setParameter("u", learner).getSingleResult();
        if (found == 0) {
            throw ApiRefusal.invalid("The student is not on the course roster; sync the roster or choose \"unknown\".");
        }
    }

    /** The original name is kept for moderators only; a path a browser may send is cut to its last part. */
    static String fileName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiRefusal.invalid("Send the file's name (?name=).");
        }
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        if (n.isEmpty() || n.length() > 255 || n.chars().anyMatch(Character::isISOControl)) {
            throw ApiRefusal.invalid("The file's name must be 1 to 255 characters, without control characters.");
        }
        return n;
    }

    /** Reads at most {@code max} bytes; one more means the upload is too large, refused before it is kept. */
    static byte[] bounded(InputStream body, long max) {
        if (body == null) {
            throw ApiRefusal.invalid("Send the file as the request body.");
        }
        try {
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 64, max + 1));
            if (content.length > max) {
                throw new ApiRefusal(413, "too_large", "The upload is larger than " + (max / (1024 * 1024)) + " MiB, the most this server takes.");
            }
            if (content.length == 0) {
                throw ApiRefusal.invalid("The file is empty.");
            }
            return content;
        } catch (IOException e) {
            throw ApiRefusal.invalid("The upload broke off before its end.");
        }
    }
}
