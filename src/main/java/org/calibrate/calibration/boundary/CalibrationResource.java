package org.calibrate.calibration.boundary;

import org.calibrate.anonymise.boundary.ScorerPayloads;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.calibration.control.Calibrations;
import org.calibrate.calibration.entity.CalibrationAttempt;
import org.calibrate.calibration.entity.CalibrationItem;
import org.calibrate.rounds.control.Members;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /api/rounds/{id}/calibration}: moderators build the calibration set and read who qualified;
 * scorers practise, one piece at a time, and see the agreed score only after giving their own.
 */
@Path("rounds/{id}/calibration")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class CalibrationResource {
    @Inject
    ScorerPayloads payloads;
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Calibrations calibrations;
    @Inject
    Members members;

    public static class NewItem {
        public String text;
        public Map<String, Integer> levels;
        public String annotation;
    }

    public static class AttemptBody {
        public Map<String, Integer> levels;
        public List<String> caps;
    }

    public record ItemView(String id, int position, String text, Map<String, Integer> levels, String annotation) {
        static ItemView of(CalibrationItem i) {
            return new ItemView(i.id(), i.position(), i.text(), i.levels(), i.annotation().orElse(null));
        }
    }

    public record AttemptView(Map<String, Integer> levels, Map<String, Integer> agreed_levels, String annotation, boolean exact,
                              boolean adjacent, String attempted_at) {
        static AttemptView of(CalibrationAttempt a, CalibrationItem i) {
            return new AttemptView(a.levels(), i.levels(), i.annotation().orElse(null), a.exact(), a.adjacent(), a.attemptedAt().toString());
        }
    }

    public record PracticeItem(String id, int position, String text, boolean attempted, AttemptView attempt) {
    }

    public record ResultView(int attempted, int items, double exact_share, double adjacent_share, boolean qualified) {
        public static ResultView of(Calibrations.Result r) {
            return new ResultView(r.attempted(), r.items(), r.exactShare(), r.adjacentShare(), r.qualified());
        }
    }

    public record Practice(boolean required, double qualifying_agreement, String phase, List<PracticeItem> items, ResultView result) {
    }

    public record ScorerResult(String member, String name, int attempted, int items, double exact_share, double adjacent_share,
                               boolean qualified) {
    }

    public record Results(List<ScorerResult> scorers, List<ItemView> items) {
    }

    @GET
    public Response practice(@PathParam("id") String id) {
        RoundAccess.Access a = access.scorer(id, access.caller(session.principal()));
        if (a.round().phase() == Phase.SETUP) {
            throw new ApiRefusal(409, "phase_refused", "Calibration has not opened in this round yet.");
        }
        List<CalibrationItem> items = calibrations.items(a.round().id());
        Map<String, CalibrationAttempt> mine = new HashMap<>();
        calibrations.attempts(a.round().id(), Optional.of(a.member().id())).forEach(x -> mine.put(x.itemId(), x));
        List<PracticeItem> view = items.stream().map(i -> {
            CalibrationAttempt x = mine.get(i.id());
            return new PracticeItem(i.id(), i.position(), i.text(), x != null, x == null ? null : AttemptView.of(x, i));
        }).toList();
        return payloads.guarded(a, Optional.empty(), new Practice(a.round().calibrationRequired(), a.round().qualifyingAgreement(),
                a.round().phase().key(), view, ResultView.of(calibrations.result(a.round(), a.member().id(), items.size()))));
    }

    @POST
    @Path("items/{item}/attempt")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response attempt(@PathParam("id") String id, @PathParam("item") String itemId, AttemptBody body) {
        RoundAccess.Access a = access.scorer(id, access.caller(session.principal()));
        if (body == null || body.levels == null || body.levels.size() > 20) {
            throw ApiRefusal.invalid("Send a level for every criterion.");
        }
        CalibrationAttempt x = calibrations.attempt(a, itemId, new TreeMap<>(body.levels),
                body.caps == null ? Set.of() : Set.copyOf(body.caps.stream().filter(java.util.Objects::nonNull).toList()));
        return payloads.guarded(a, Optional.empty(), AttemptView.of(x, calibrations.item(a.round().id(), itemId).orElseThrow()));
    }

    /** An anchor paper: scorers may open it while scoring live, when calibration is behind them. */
    @GET
    @Path("items/{item}")
    public Response item(@PathParam("id") String id, @PathParam("item") String itemId) {
        RoundAccess.Access a = access.member(id, access.caller(session.principal()));
        if (!a.member().moderator() && a.round().phase().ordinal() < Phase.SCORING.ordinal()) {
            throw new ApiRefusal(409, "phase_refused", "Practice pieces show their agreed score once live scoring starts; until then, practise on them.");
        }
        ItemView view = calibrations.item(a.round().id(), itemId).map(ItemView::of)
                .orElseThrow(() -> new ApiRefusal(404, "item_not_found", "No such practice piece in this round."));
        return a.member().moderator() ? Response.ok(view).build() : payloads.guarded(a, Optional.empty(), view);
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") String id, NewItem body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.levels == null || body.levels.size() > 20) {
            throw ApiRefusal.invalid("Send the practice piece's text, its agreed level per criterion and the annotation.");
        }
        CalibrationItem item = calibrations.add(a, body.text, new TreeMap<>(body.levels), Optional.ofNullable(body.annotation));
        return Response.status(201).entity(ItemView.of(item)).build();
    }

    @DELETE
    @Path("items/{item}")
    public Response remove(@PathParam("id") String id, @PathParam("item") String itemId) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        calibrations.remove(a, itemId);
        return Response.noContent().build();
    }

    @GET
    @Path("results")
    public Results results(@PathParam("id") String id) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        List<CalibrationItem> items = calibrations.items(a.round().id());
        Map<String, List<CalibrationAttempt>> byMember = new HashMap<>();
        calibrations.attempts(a.round().id(), Optional.empty()).forEach(x -> byMember.computeIfAbsent(x.memberId(), k -> new java.util.ArrayList<>()).add(x));
        List<ScorerResult> scorers = members.of(a.round().id()).stream().filter(RoundMember::scorer).map(m -> {
            Calibrations.Result r = Calibrations.result(a.round(), byMember.getOrDefault(m.id(), List.of()), items.size());
            return new ScorerResult(m.id(), m.name().orElse(null), r.attempted(), r.items(), r.exactShare(), r.adjacentShare(), r.qualified());
        }).toList();
        return new Results(scorers, items.stream().map(ItemView::of).toList());
    }
}
