package org.calibrate.rounds.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.rounds.control.Members;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.List;
import java.util.Set;

/** {@code /api/rounds/{id}/members}: a moderator adds teachers from the roster and sets their roles, capacity and classes. */
@Path("rounds/{id}/members")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
public class MembersResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Members members;

    public static class MemberBody {
        public Long lock_version;
        public String user_id;
        public List<String> roles;
        public Integer capacity;
        public List<String> teaches;
        public Boolean active;

        Members.Settings settings() {
            List<String> r = roles == null ? List.of("scorer") : roles;
            if (r.stream().anyMatch(x -> !"scorer".equals(x) && !"moderator".equals(x))) {
                throw ApiRefusal.invalid("Roles are \"scorer\" and \"moderator\".");
            }
            if (teaches != null && teaches.size() > RoundMember.MAX_CLASSES) {
                throw ApiRefusal.invalid("List at most " + RoundMember.MAX_CLASSES + " classes.");
            }
            return new Members.Settings(r.contains("scorer"), r.contains("moderator"), capacity == null ? 1 : capacity,
                    teaches == null ? Set.of() : Set.copyOf(teaches.stream().filter(java.util.Objects::nonNull).toList()));
        }
    }

    @POST
    public Response add(@PathParam("id") String id, MemberBody body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null) {
            throw ApiRefusal.invalid("Send the teacher's user_id and roles.");
        }
        RoundMember m = members.add(a, body.user_id, body.settings());
        return Response.status(201).entity(RoundViews.MemberView.of(m)).build();
    }

    @PUT
    @Path("{member}")
    public RoundViews.MemberView edit(@PathParam("id") String id, @PathParam("member") String memberId, MemberBody body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the member's lock_version with the changes.");
        }
        RoundMember m = members.edit(a, memberId, body.lock_version, body.settings(), body.active == null || body.active);
        return RoundViews.MemberView.of(m);
    }
}
