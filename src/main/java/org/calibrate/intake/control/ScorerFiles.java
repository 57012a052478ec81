package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.calibrate.anonymise.files.FileRedactor;
import org.calibrate.anonymise.files.HiddenPhrase;
import org.calibrate.anonymise.files.RedactedDocument;
import org.calibrate.anonymise.files.Tesseract;
import org.calibrate.anonymise.files.Unredactable;
import org.calibrate.intake.entity.PieceFile;
import org.calibrate.intake.formats.ExtractionLimits;
import org.calibrate.intake.formats.Format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scorers' version of each file of a piece: rebuilt from the redacted content (a PDF or DOCX without the hidden
 * words, its metadata and comments), or the pictures with names boxed out in the pixels — never the student's
 * original. Built in the caller's transaction, again whenever a moderator's review changes what is hidden.
 */
@ApplicationScoped
public class ScorerFiles {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    BlobStore blobs;

    private final FileRedactor redactor = new FileRedactor(ExtractionLimits.defaults(), Tesseract.onPath());

    /**
     * @param phrases  what the text's redaction hid, for documents with text
     * @param names    the roster's names, for pictures, where there is no text to judge words by
     * @return whether any file needs a person to look at it (pictures, pages turned into pictures, a file not rebuilt)
     */
    public boolean build(String pieceId, List<HiddenPhrase> phrases, List<HiddenPhrase> names) {
        boolean check = false;
        List<String> replaced = new java.util.ArrayList<>();
        for (PieceFile f : files(pieceId)) {
            Format format = Format.valueOf(f.format().toUpperCase(Locale.ROOT));
            Optional<byte[]> original = blobs.content(f.blobId());
            // Pictures are redacted by the roster's names, not by the text's phrases: without names, their version stands.
            if (original.isEmpty() || (format == Format.IMAGE && names.isEmpty() && f.scorerBlobId().isPresent())) {
                continue;
            }
            f.scorerBlobId().ifPresent(replaced::add);
            try {
                RedactedDocument d = redactor.redact(original.get(), format, format == Format.IMAGE ? names : phrases);
                BlobStore.Ref ref = blobs.put(d.content(), d.mediaType());
                // The blob's row first: the file refers to it, and the tables have no mapped relation to order them.
                em.flush();
                f.scorerVersion(ref.id(), d.mediaType(), d.pages(), d.needsManualCheck(), d.notes());
                check |= d.needsManualCheck();
            } catch (Unredactable u) {
                // No version at all rather than one made before a redaction the moderator added.
                f.scorerVersion(null, null, 0, true, List.of("Scorers read this file's text only: " + u.getMessage()));
                check = true;
            }
        }
        em.flush();
        dropUnused(replaced);
        return check;
    }

    /** Before a piece's files are replaced (a resubmission): their scorer versions go with them. */
    public void forget(String pieceId) {
        List<String> ids = files(pieceId).stream().flatMap(f -> java.util.stream.Stream.concat(f.scorerBlobId().stream(), f.scorerBaseBlobId().stream()))
                .toList();
        em.createQuery("update PieceFile f set f.scorerBlobId = null, f.scorerBaseBlobId = null where f.pieceId = :p").setParameter("p", pieceId)
                .executeUpdate();
        dropUnused(ids);
    }

    /** A scorer version no file points to any more is removed: it is still the student's work. */
    private void dropUnused(List<String> ids) {
        for (String id : ids) {
            long used = em.createQuery("select count(f) from PieceFile f where f.scorerBlobId = :b or f.blobId = :b or f.scorerBaseBlobId = :b", Long.class)
                    .setParameter("b", id).getSingleResult();
            if (used == 0) {
                em.createQuery("delete from StoredBlob b where b.id = :b").setParameter("b", id).executeUpdate();
            }
        }
    }

    /**
     * A moderator's boxes on a picture: painted into the picture as the automatic redaction left it (kept as the
     * base), replacing the scorers' version; an empty list takes every box away again.
     */
    public PieceFile box(String pieceId, int position, List<org.calibrate.anonymise.files.PictureBoxes.Box> boxes) throws Unredactable {
        PieceFile f = file(pieceId, position).filter(x -> x.scorerMediaType().filter("image/png"::equals).isPresent())
                .orElseThrow(() -> new Unredactable("Boxes are drawn on pictures of pages; this file is not one."));
        String base = f.scorerBaseBlobId().or(f::scorerBlobId).orElseThrow();
        String previous = f.scorerBlobId().orElseThrow();
        if (boxes.isEmpty()) {
            f.boxed(base, null, null);
        } else {
            byte[] painted = org.calibrate.anonymise.files.PictureBoxes.paint(blobs.content(base).orElseThrow(), boxes);
            BlobStore.Ref ref = blobs.put(painted, "image/png");
            em.flush();
            jakarta.json.JsonArrayBuilder json = jakarta.json.Json.createArrayBuilder();
            boxes.forEach(b -> json.add(jakarta.json.Json.createObjectBuilder().add("x", b.x()).add("y", b.y()).add("w", b.w()).add("h", b.h())));
            f.boxed(ref.id(), base, json.build().toString());
        }
        em.flush();
        if (!previous.equals(base)) {
            dropUnused(List.of(previous));
        }
        return f;
    }

    public Optional<PieceFile> file(String pieceId, int position) {
        return em.createQuery("select f from PieceFile f where f.pieceId = :p and f.position = :n", PieceFile.class)
                .setParameter("p", pieceId).setParameter("n", position).getResultStream().findFirst();
    }

    public List<PieceFile> files(String pieceId) {
        return em.createQuery("select f from PieceFile f where f.pieceId = :p order by f.position", PieceFile.class).setParameter("p", pieceId)
                .getResultList();
    }

    public Optional<byte[]> content(PieceFile f) {
        return f.scorerBlobId().flatMap(blobs::content);
    }
}
