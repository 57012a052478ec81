package org.calibrate.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.grades.entity.OutboxItem;
import org.calibrate.intake.entity.PieceFile;
import org.calibrate.placement.entity.Placement;
import org.calibrate.roster.entity.RosterMember;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.PieceIdentity;
import org.calibrate.rounds.entity.PieceReview;
import org.calibrate.rounds.entity.Round;
import org.calibrate.session.entity.Course;

import java.time.Instant;
import java.util.List;

/**
 * Everything Calibrate holds about one student of one platform, for a request under data protection law: their
 * places on course rosters, their work (as handed in and as scorers read it, with the files' names), and the grades
 * sent for them. The identity links are sealed, so they are opened here one by one rather than searched in SQL.
 */
@ApplicationScoped
@Transactional
public class StudentData {
    /** The most identity links one export reads: a bound on the scan. */
    static final int MAX_LINKS = 500_000;

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    AuditLog audit;

    public JsonObject export(long platformId, String userId, String actor) {
        JsonArrayBuilder roster = Json.createArrayBuilder();
        for (RosterMember m : em.createQuery("select m from RosterMember m, Course c where c.id = m.courseId and c.platformId = :p and m.userId = :u",
                RosterMember.class).setParameter("p", platformId).setParameter("u", userId).getResultList()) {
            Course c = em.find(Course.class, m.courseId());
            JsonObjectBuilder o = Json.createObjectBuilder().add("course", c.title().orElse(c.contextId()));
            m.name().ifPresent(n -> o.add("name", n));
            m.email().ifPresent(e -> o.add("email", e));
            o.add("roles", Json.createArrayBuilder(m.roles()));
            roster.add(o);
        }
        JsonArrayBuilder work = Json.createArrayBuilder();
        List<PieceIdentity> links = em.createQuery("select i from PieceIdentity i where i.platformId = :p", PieceIdentity.class)
                .setParameter("p", platformId).setMaxResults(MAX_LINKS).getResultList();
        for (PieceIdentity link : links) {
            if (!link.learnerSubject().equals(userId)) {
                continue;
            }
            Piece piece = em.find(Piece.class, link.pieceId());
            Round round = em.find(Round.class, piece.roundId());
            PieceReview review = em.find(PieceReview.class, piece.id());
            JsonObjectBuilder o = Json.createObjectBuilder().add("round", round.title()).add("phase", round.phase().key())
                    .add("piece_code", piece.code().value()).add("added_at", piece.createdAt().toString()).add("attempt", piece.attempt())
                    .add("text_as_scored", piece.text());
            if (review != null) {
                o.add("text_as_handed_in", review.originalText());
            }
            JsonArrayBuilder files = Json.createArrayBuilder();
            em.createQuery("select f from PieceFile f where f.pieceId = :p order by f.position", PieceFile.class).setParameter("p", piece.id())
                    .getResultList().forEach(f -> files.add(Json.createObjectBuilder().add("name", f.name()).add("format", f.format()).add("pages", f.pages())));
            work.add(o.add("files", files));
        }
        JsonArrayBuilder grades = Json.createArrayBuilder();
        for (OutboxItem g : em.createQuery("select g from OutboxItem g, Placement p, Course c where p.id = g.placementId and c.id = p.courseId"
                + " and c.platformId = :p and g.userId = :u order by g.createdAt", OutboxItem.class).setParameter("p", platformId).setParameter("u", userId)
                .getResultList()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("activity", em.find(Placement.class, g.placementId()).title())
                    .add("score_given", g.scoreGiven()).add("score_maximum", g.scoreMaximum()).add("state", g.state().name().toLowerCase(java.util.Locale.ROOT))
                    .add("queued_at", g.createdAt().toString());
            g.comment().ifPresent(c -> o.add("comment", c));
            g.sentAt().ifPresent(t -> o.add("sent_at", t.toString()));
            grades.add(o);
        }
        // Submission notices the LMS sent (Asset Processor): sealed, so each is opened to see whose it is.
        JsonArrayBuilder notices = Json.createArrayBuilder();
        for (org.calibrate.notices.entity.AssetNotice n : em.createQuery("select n from AssetNotice n where n.platformId = :p order by n.receivedAt",
                org.calibrate.notices.entity.AssetNotice.class).setParameter("p", platformId).setMaxResults(MAX_LINKS).getResultList()) {
            org.calibrate.notices.entity.SubmissionNotice s = org.calibrate.notices.control.NoticeBodies.read(n.body());
            if (s.userId().equals(userId)) {
                JsonArrayBuilder files = Json.createArrayBuilder();
                s.assets().forEach(a -> files.add(a.filename().or(a::title).orElse(a.assetId())));
                notices.add(Json.createObjectBuilder().add("activity", n.activityTitle().orElse(n.activityId())).add("received_at", n.receivedAt().toString())
                        .add("files", files));
            }
        }
        audit.record(actor, "student.exported", "platform:" + platformId + " learner " + userId, "data export for a request");
        return Json.createObjectBuilder().add("exported_at", Instant.now().toString()).add("platform_id", platformId).add("user_id", userId)
                .add("roster", roster).add("work", work).add("grades", grades).add("submission_notices", notices).build();
    }
}
