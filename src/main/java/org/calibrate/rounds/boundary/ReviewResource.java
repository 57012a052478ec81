package org.calibrate.rounds.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.calibrate.anonymise.control.ReviewedText;
import org.calibrate.anonymise.entity.ReviewSpan;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.control.Reviews;
import org.calibrate.rounds.entity.PieceCode;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.boundary.Authenticated;
import org.calibrate.session.boundary.CurrentSession;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code /api/rounds/{id}/pieces/{code}/review}: a moderator's release review of one piece — the original with every
 * redaction and unsure candidate, and the text scorers will get; keep or hide each, redact more by hand.
 * Moderators only: the original holds the names.
 */
@Path("rounds/{id}/pieces/{code}/review")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ReviewResource {
    @Inject
    CurrentSession session;
    @Inject
    RoundAccess access;
    @Inject
    Reviews reviews;
    @Inject
    org.calibrate.intake.control.ScorerFiles scorerFiles;

    public record SpanView(int index, int start, int end, String label, String origin, String decision) {
    }

    /** A file of the piece as scorers get it (n counts from 0), and what a moderator should know about it. */
    public record FileView(int n, String media_type, int pages, boolean needs_check, String note, jakarta.json.JsonArray boxes) {
        static FileView of(org.calibrate.intake.entity.PieceFile f) {
            return new FileView(f.position(), f.scorerMediaType().orElse(null), f.scorerPages(), f.needsCheck(), f.scorerNote().orElse(null),
                    f.manualBoxes().map(j -> jakarta.json.Json.createReader(new java.io.StringReader(j)).readArray()).orElse(null));
        }
    }

    public record ReviewView(String code, String original, List<SpanView> spans, String text, long pending, boolean editable,
                             long lock_version, List<FileView> files) {
        static ReviewView of(Reviews.Reviewed r, boolean editable, List<FileView> files) {
            List<ReviewSpan> s = r.spans();
            return new ReviewView(r.piece().code().value(), r.original(), IntStream.range(0, s.size()).mapToObj(i -> new SpanView(i, s.get(i).start(),
                    s.get(i).end(), s.get(i).label(), key(s.get(i).origin()), key(s.get(i).decision()))).toList(),
                    ReviewedText.scorerText(r.original(), s), r.pending(), editable, r.lockVersion(), files);
        }
    }

    private List<FileView> files(Reviews.Reviewed r) {
        return scorerFiles.files(r.piece().id()).stream().map(FileView::of).toList();
    }

    public static class DecisionsBody {
        public Long lock_version;
        public Map<String, String> decisions;
        public String redact;
    }

    @GET
    public ReviewView get(@PathParam("id") String id, @PathParam("code") String code) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        Reviews.Reviewed r = reviews.of(a, parse(code));
        return ReviewView.of(r, Reviews.open(a.round()), files(r));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewView decide(@PathParam("id") String id, @PathParam("code") String code, DecisionsBody body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.lock_version == null) {
            throw ApiRefusal.invalid("Send the review's lock_version with the decisions.");
        }
        Map<Integer, ReviewSpan.Decision> decisions = new HashMap<>();
        if (body.decisions != null) {
            for (Map.Entry<String, String> d : body.decisions.entrySet()) {
                try {
                    decisions.put(Integer.parseInt(d.getKey()), ReviewSpan.Decision.valueOf(String.valueOf(d.getValue()).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ApiRefusal.invalid("Decide each span by its index as \"keep\" or \"redact\".");
                }
            }
        }
        Reviews.Reviewed r = reviews.decide(a, parse(code), body.lock_version, decisions, Optional.ofNullable(body.redact).filter(x -> !x.isBlank()));
        return ReviewView.of(r, Reviews.open(a.round()), files(r));
    }

    private static PieceCode parse(String code) {
        return PieceCode.parse(code).orElseThrow(() -> new ApiRefusal(404, "piece_not_found", "No such piece in this round."));
    }

    private static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    public static class BoxesBody {
        public List<BoxBody> boxes;
    }

    public static class BoxBody {
        public Double x;
        public Double y;
        public Double w;
        public Double h;
    }

    /** Boxes drawn by hand on a picture of the piece (fractions of its width and height); an empty list removes them. */
    @PUT
    @Path("files/{n}/boxes")
    @Consumes(MediaType.APPLICATION_JSON)
    public FileView boxes(@PathParam("id") String id, @PathParam("code") String code, @PathParam("n") int n, BoxesBody body) {
        RoundAccess.Access a = access.moderator(id, access.caller(session.principal()));
        if (body == null || body.boxes == null) {
            throw ApiRefusal.invalid("Send {\"boxes\": [{\"x\", \"y\", \"w\", \"h\"}]}, fractions of the picture's width and height.");
        }
        List<org.calibrate.anonymise.files.PictureBoxes.Box> boxes = new java.util.ArrayList<>();
        for (BoxBody b : body.boxes) {
            if (b == null || b.x == null || b.y == null || b.w == null || b.h == null) {
                throw ApiRefusal.invalid("Every box has x, y, w and h.");
            }
            try {
                boxes.add(new org.calibrate.anonymise.files.PictureBoxes.Box(b.x, b.y, b.w, b.h));
            } catch (IllegalArgumentException e) {
                throw ApiRefusal.invalid(e.getMessage());
            }
        }
        return FileView.of(reviews.box(a, parse(code), n, boxes));
    }
}
