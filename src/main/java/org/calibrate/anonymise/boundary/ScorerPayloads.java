package org.calibrate.anonymise.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.anonymise.control.KnownPeople;
import org.calibrate.anonymise.control.LeakGuard;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.rounds.control.Pieces;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.scoring.entity.PieceFlag;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The leak guard on every payload a scorer receives with student work in it (the piece, practice and anchor
 * pieces, a discussion): the view is written as JSON, checked against the course's people (roster names in every
 * form, e-mail addresses, LMS user ids), and whatever survived is replaced by a label before it leaves. Each such
 * catch is audited and, for a piece, flagged to the moderators, who then know the anonymiser missed something.
 */
@ApplicationScoped
public class ScorerPayloads {
    public static final String LEAK_FLAG = "leak";
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Pieces pieces;
    @Inject
    AuditLog audit;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    /**
     * @param pieceId the piece the payload carries, to flag it to the moderators when something was caught
     */
    @Transactional
    public Response guarded(RoundAccess.Access a, Optional<String> pieceId, Object view) {
        return Response.ok(guardedJson(a, pieceId, view), MediaType.APPLICATION_JSON).build();
    }

    @Transactional
    public String guardedJson(RoundAccess.Access a, Optional<String> pieceId, Object view) {
        return guardedJson(a, pieceId, view, path -> false);
    }

    /** @param shown JSON pointers that name a colleague on purpose (a revealed scorer, a post's author): left as they are */
    @Transactional
    public String guardedJson(RoundAccess.Access a, Optional<String> pieceId, Object view, java.util.function.Predicate<String> shown) {
        String json = JSON.toJson(view);
        LeakGuard.Masked masked = new LeakGuard(new KnownPeople(pieces.knownPeople(a.round().courseId()))).maskJson(json, shown);
        if (masked.hits().isEmpty()) {
            return json;
        }
        String where = masked.hits().stream().map(h -> h.kind().name().toLowerCase(java.util.Locale.ROOT) + " at " + h.path())
                .distinct().collect(Collectors.joining(", "));
        audit.record("member:" + a.member().id(), "leak.masked", "round:" + a.round().id() + pieceId.map(p -> " piece-id:" + p).orElse(""), where);
        pieceId.ifPresent(p -> flag(a, p, where));
        return masked.json();
    }

    private void flag(RoundAccess.Access a, String pieceId, String where) {
        boolean raised = !em.createQuery("select f.id from PieceFlag f where f.pieceId = :p and f.memberId = :m and f.kind = :k", String.class)
                .setParameter("p", pieceId).setParameter("m", a.member().id()).setParameter("k", LEAK_FLAG).getResultList().isEmpty();
        if (!raised) {
            em.persist(new PieceFlag(a.round().id(), pieceId, a.member().id(), LEAK_FLAG,
                    Optional.of("Hidden from the scorer: " + where + ". Check this piece's text."), Instant.now(Clock.systemUTC())));
        }
    }
}
