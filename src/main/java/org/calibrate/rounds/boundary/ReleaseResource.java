package org.calibrate.rounds.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.control.Reviews;
import org.calibrate.rounds.entity.Round;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.Map;

/**
 * {@code /api/rounds/{id}/release}: where the release review stands (pieces with undecided candidates), releasing
 * the pieces to scorers (scoring cannot start before), and withdrawing the release before scoring. Moderators only.
 */
@Path("rounds/{id}/release")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ReleaseResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Reviews reviews;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    /** {@code to_check}: pieces marked for a check by eye, whose release the moderator confirms ({@code checked_by_eye}). */
    public record ReleaseView(String released_at, long pieces, Map<String, Long> pending, long lock_version, java.util.List<String> to_check) {
    }

    public static class ReleaseBody {
        public Long lock_version;
        public Boolean checked_by_eye;
    }

    @GET
    public ReleaseView get(@PathParam("id") String id) {
        return view(access.moderator(id, access.caller(session.principal())).round());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ReleaseView release(@PathParam("id") String id, ReleaseBody body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the round's lock_version.");
        }
        Round round = reviews.release(a, body.lock_version, Boolean.TRUE.equals(body.checked_by_eye));
        em.flush();
        return view(round);
    }

    @DELETE
    public ReleaseView withdraw(@PathParam("id") String id, @QueryParam("lock_version") Long lockVersion) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (lockVersion == null) {
            throw ApiRefusal.invalid("Send the round's lock_version (?lock_version=).");
        }
        Round round = reviews.withdraw(a, lockVersion);
        em.flush();
        return view(round);
    }

    private ReleaseView view(Round round) {
        long pieces = em.createQuery("select count(p) from Piece p where p.roundId = :r and p.excludedReason is null", Long.class)
                .setParameter("r", round.id()).getSingleResult();
        return new ReleaseView(round.releasedAt().map(Object::toString).orElse(null), pieces, reviews.pendingByCode(round), round.lockVersion(),
                reviews.toCheck(round));
    }
}
