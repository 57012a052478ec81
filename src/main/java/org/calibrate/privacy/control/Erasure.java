package org.calibrate.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.rounds.entity.Round;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Erases a round's student data: the files handed in (and the uploads and ZIPs they came in), the original texts
 * with the names, the links from pieces to students, the import records, and the pieces' texts. What stays is
 * anonymous: scores, agreement, moderators' decisions, and exemplars (copies, already anonymised, under their own
 * retention). One transaction per round; doing it twice is harmless.
 */
@ApplicationScoped
public class Erasure {
    /** The text an erased piece keeps, so scores and charts still have a piece to belong to. */
    public static final String ERASED = "[This student work was erased under the school's data protection rules.]";

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void eraseRound(String roundId, String actor, String why) {
        Round round = em.find(Round.class, roundId);
        if (round == null || round.erasedAt().isPresent()) {
            return;
        }
        Set<String> blobs = new HashSet<>(em.createQuery("select f.blobId from PieceFile f, Piece p where f.pieceId = p.id and p.roundId = :r", String.class)
                .setParameter("r", roundId).getResultList());
        // The scorers' versions go too: rebuilt from the redacted content, they are still the student's work.
        blobs.addAll(em.createQuery("select f.scorerBlobId from PieceFile f, Piece p where f.pieceId = p.id and p.roundId = :r"
                + " and f.scorerBlobId is not null", String.class).setParameter("r", roundId).getResultList());
        blobs.addAll(em.createQuery("select f.scorerBaseBlobId from PieceFile f, Piece p where f.pieceId = p.id and p.roundId = :r"
                + " and f.scorerBaseBlobId is not null", String.class).setParameter("r", roundId).getResultList());
        for (String params : em.createQuery("select j.params from ImportJob j where j.roundId = :r", String.class).setParameter("r", roundId).getResultList()) {
            blobs.addAll(blobIds(params));
        }
        int files = delete("delete from PieceFile f where f.pieceId in (select p.id from Piece p where p.roundId = :r)", roundId);
        delete("delete from ImportItem i where i.jobId in (select j.id from ImportJob j where j.roundId = :r)", roundId);
        delete("delete from ImportJob j where j.roundId = :r", roundId);
        delete("delete from RoundSubmission s where s.roundId = :r", roundId);
        delete("delete from PieceReview v where v.pieceId in (select p.id from Piece p where p.roundId = :r)", roundId);
        int links = delete("delete from PieceIdentity i where i.pieceId in (select p.id from Piece p where p.roundId = :r)", roundId);
        int texts = em.createQuery("update Piece p set p.text = :erased where p.roundId = :r").setParameter("erased", ERASED)
                .setParameter("r", roundId).executeUpdate();
        // A blob another round still uses (the same file imported twice) stays for that round.
        List<String> stillUsed = blobs.isEmpty() ? List.of() : em.createQuery("select f.blobId from PieceFile f where f.blobId in :b", String.class)
                .setParameter("b", blobs).getResultList();
        blobs.removeAll(stillUsed);
        blobs.removeAll(blobs.isEmpty() ? List.of() : em.createQuery("select f.scorerBlobId from PieceFile f where f.scorerBlobId in :b", String.class)
                .setParameter("b", blobs).getResultList());
        blobs.removeAll(blobs.isEmpty() ? List.of() : em.createQuery("select f.scorerBaseBlobId from PieceFile f where f.scorerBaseBlobId in :b", String.class)
                .setParameter("b", blobs).getResultList());
        if (!blobs.isEmpty()) {
            em.createQuery("delete from StoredBlob b where b.id in :b").setParameter("b", blobs).executeUpdate();
        }
        em.find(Round.class, roundId).erased(Instant.now());
        audit.record(actor, "round.erased", "round:" + roundId, why + ": " + texts + " texts, " + files + " files, " + links + " student links erased");
    }

    /** A course's roster (names, e-mail addresses) removed; a later sync brings back who is still enrolled. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int removeRoster(String courseId, String actor) {
        int removed = em.createQuery("delete from RosterMember m where m.courseId = :c").setParameter("c", courseId).executeUpdate();
        org.calibrate.session.entity.Course course = em.find(org.calibrate.session.entity.Course.class, courseId);
        int notices = course == null ? 0 : em.createQuery("delete from AssetNotice n where n.platformId = :p and n.contextId = :c")
                .setParameter("p", course.platformId()).setParameter("c", course.contextId()).executeUpdate();
        audit.record(actor, "course.erased", "course:" + courseId, removed + " roster entries and " + notices
                + " submission notices removed, every round's student data erased");
        return removed;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    /** Submission notices the LMS sent before {@code before}: the files they point to were imported or are no longer wanted. */
    public int removeNotices(java.time.Instant before, String actor, String why) {
        int removed = em.createQuery("delete from AssetNotice n where n.receivedAt < :before").setParameter("before", before).executeUpdate();
        if (removed > 0) {
            audit.record(actor, "notices.erased", "asset_notice", removed + " submission notices removed: " + why);
        }
        return removed;
    }

    private int delete(String jpql, String roundId) {
        return em.createQuery(jpql).setParameter("r", roundId).executeUpdate();
    }

    /** The blobs an import kept (an upload's files, an export ZIP), named in its parameters. */
    static List<String> blobIds(String params) {
        List<String> ids = new ArrayList<>();
        JsonObject p = Json.createReader(new StringReader(params)).readObject();
        if (p.containsKey("blob")) {
            ids.add(p.getString("blob"));
        }
        if (p.containsKey("files")) {
            for (JsonValue f : p.getJsonArray("files")) {
                ids.add(f.asJsonObject().getString("blob"));
            }
        }
        return ids;
    }
}
