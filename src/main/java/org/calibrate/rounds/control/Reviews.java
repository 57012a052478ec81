package org.calibrate.rounds.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.anonymise.control.KnownPeople;
import org.calibrate.anonymise.control.LeakGuard;
import org.calibrate.anonymise.control.ReviewedText;
import org.calibrate.anonymise.entity.ReviewSpan;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.PieceCode;
import org.calibrate.rounds.entity.PieceReview;
import org.calibrate.rounds.entity.Round;
import org.calibrate.session.boundary.ApiRefusal;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The release review: a moderator sees each piece's redactions and the anonymiser's unsure candidates, keeps or
 * hides each, redacts more by hand, and releases the round's pieces to scorers. Nothing reaches a scorer before the
 * release (scoring cannot start without it), and every decision is audited without the words it hid.
 */
@ApplicationScoped
@Transactional
public class Reviews {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Pieces pieces;
    @Inject
    AuditLog audit;
    @Inject
    org.calibrate.intake.control.ScorerFiles scorerFiles;

    /** A piece under review: the original (with the names), its spans, and the text scorers will get. */
    public record Reviewed(Piece piece, String original, List<ReviewSpan> spans, long lockVersion) {
        public long pending() {
            return spans.stream().filter(s -> s.decision() == ReviewSpan.Decision.PENDING).count();
        }
    }

    public Reviewed of(RoundAccess.Access a, PieceCode code) {
        Piece piece = piece(a.round(), code);
        PieceReview review = em.find(PieceReview.class, piece.id());
        // Pieces from before the review was kept have only their anonymised text, and nothing left to decide.
        return review == null ? new Reviewed(piece, piece.text(), List.of(), 0)
                : new Reviewed(piece, review.originalText(), spans(review.spans()), review.lockVersion());
    }

    /** Pieces with candidates nobody has decided, by code: what the moderator still has to look at. */
    /** Pieces marked for a check by eye (pictures, files not rebuilt), by code: the release asks the moderator to confirm them. */
    public List<String> toCheck(Round round) {
        return em.createQuery("select p.code from Piece p where p.roundId = :r and p.excludedReason is null and p.needsCheck = true order by p.code",
                String.class).setParameter("r", round.id()).setMaxResults(500).getResultList();
    }

    public Map<String, Long> pendingByCode(Round round) {
        Map<String, Long> pending = new java.util.TreeMap<>();
        for (Object[] r : em.createQuery("select p.code, v.spans from Piece p, PieceReview v where v.pieceId = p.id and p.roundId = :r"
                + " and p.excludedReason is null", Object[].class).setParameter("r", round.id()).getResultList()) {
            long n = spans((String) r[1]).stream().filter(s -> s.decision() == ReviewSpan.Decision.PENDING).count();
            if (n > 0) {
                pending.put((String) r[0], n);
            }
        }
        return pending;
    }

    /**
     * Decisions by span position (keep or redact; a span added by hand that is kept is dropped) and, optionally, a
     * word or phrase to redact wherever it stands; the scorers' text is written again from the original.
     */
    public Reviewed decide(RoundAccess.Access a, PieceCode code, long lockVersion, Map<Integer, ReviewSpan.Decision> decisions,
                           Optional<String> phrase) {
        Round round = a.round();
        requireOpen(round);
        Piece piece = piece(round, code);
        PieceReview review = em.find(PieceReview.class, piece.id());
        if (review == null) {
            throw new ApiRefusal(409, "no_review", "This piece was added before redactions were kept for review; its text is as scorers will see it.");
        }
        if (review.lockVersion() != lockVersion) {
            throw new ApiRefusal(409, "conflict", "Someone changed this piece's review meanwhile; the page shows it as it is now.");
        }
        List<ReviewSpan> spans = new ArrayList<>(spans(review.spans()));
        List<String> changes = new ArrayList<>();
        for (Map.Entry<Integer, ReviewSpan.Decision> d : decisions.entrySet()) {
            int i = d.getKey();
            if (i < 0 || i >= spans.size() || d.getValue() == ReviewSpan.Decision.PENDING) {
                throw ApiRefusal.invalid("Decide spans by their position (0 to " + (spans.size() - 1) + "), as keep or redact.");
            }
            ReviewSpan s = spans.get(i);
            if (s.decision() != d.getValue()) {
                changes.add(s.origin().name().toLowerCase(Locale.ROOT) + " " + s.label() + " at " + s.start() + ": "
                        + s.decision().name().toLowerCase(Locale.ROOT) + " → " + d.getValue().name().toLowerCase(Locale.ROOT));
                spans.set(i, s.decided(d.getValue()));
            }
        }
        // A redaction added by hand and then undone is no redaction at all.
        spans.removeIf(s -> s.origin() == ReviewSpan.Origin.MANUAL && s.decision() == ReviewSpan.Decision.KEEP);
        if (phrase.isPresent()) {
            int before = spans.size();
            try {
                spans = new ArrayList<>(ReviewedText.withPhrase(review.originalText(), spans, phrase.get()));
            } catch (IllegalArgumentException e) {
                throw ApiRefusal.invalid(e.getMessage());
            }
            changes.add((spans.size() - before) + " redacted by hand");
        }
        String text = ReviewedText.scorerText(review.originalText(), spans);
        piece.replaceText(text, piece.attempt());
        review.spans(json(spans));
        em.flush();
        // The scorers' files follow the text: what is now hidden is hidden there too (a kept word stays hidden in files
        // made before; hiding too much there is the safe side).
        List<org.calibrate.anonymise.entity.Span> hidden = spans.stream().filter(ReviewSpan::hidden)
                .map(x -> new org.calibrate.anonymise.entity.Span(x.start(), x.end(), x.label(), org.calibrate.anonymise.entity.Action.REDACTED)).toList();
        if (!changes.isEmpty() && !scorerFiles.files(piece.id()).isEmpty()) {
            scorerFiles.build(piece.id(), org.calibrate.anonymise.files.HiddenPhrase.fromSpans(review.originalText(), hidden), List.of());
        }
        audit.record("member:" + a.member().id(), "piece.review", "round:" + round.id() + " piece:" + code.value(),
                changes.isEmpty() ? "no change" : String.join("; ", changes));
        return new Reviewed(piece, review.originalText(), spans, review.lockVersion());
    }

    /**
     * Releases the round's pieces to scorers. The leak guard reads every piece first: a roster name, e-mail address
     * or LMS id still in a piece blocks the release and names the pieces to look at.
     */
    public Round release(RoundAccess.Access a, long lockVersion, boolean looked) {
        Round round = a.round();
        round.requireLockVersion(lockVersion);
        requireOpen(round);
        List<Piece> all = em.createQuery("select p from Piece p where p.roundId = :r and p.excludedReason is null order by p.code", Piece.class)
                .setParameter("r", round.id()).getResultList();
        if (all.isEmpty()) {
            throw new ApiRefusal(409, "nothing_to_release", "The round has no pieces to release yet.");
        }
        LeakGuard guard = new LeakGuard(new KnownPeople(pieces.knownPeople(round.courseId())));
        List<String> leaking = all.stream().filter(p -> !guard.clean(p.text())).map(p -> p.code().value()).toList();
        if (!leaking.isEmpty()) {
            throw ApiRefusal.unprocessable("leaks", "A name, e-mail address or user id of the course is still in " + leaking.size()
                    + " piece(s): redact it in their review, then release.", leaking.stream().limit(50).map(c -> "Piece " + c).toList());
        }
        // Pictures and files the redactor could not rebuild are read by a person before scorers see them: the leak guard reads text only.
        List<String> unchecked = all.stream().filter(Piece::needsCheck).map(p -> p.code().value()).toList();
        if (!unchecked.isEmpty() && !looked) {
            throw ApiRefusal.unprocessable("needs_check", unchecked.size() + " piece(s) have pictures or files to check by eye (names in handwriting,"
                    + " signatures): look at each in its review, box what names someone, then confirm you have.",
                    unchecked.stream().limit(50).map(c -> "Piece " + c).toList());
        }
        long pending = pendingByCode(round).values().stream().mapToLong(Long::longValue).sum();
        round.release(a.member().id(), Instant.now());
        audit.record("member:" + a.member().id(), "round.released", "round:" + round.id(),
                all.size() + " pieces released to scorers" + (pending > 0 ? "; " + pending + " undecided candidates stay hidden" : "")
                        + (unchecked.isEmpty() ? "" : "; the moderator confirmed looking at " + unchecked.size() + " piece(s) marked for a check by eye"));
        return round;
    }

    public Round withdraw(RoundAccess.Access a, long lockVersion) {
        Round round = a.round();
        round.requireLockVersion(lockVersion);
        if (round.releasedAt().isEmpty()) {
            throw new ApiRefusal(409, "not_released", "The round's pieces are not released.");
        }
        if (round.phase() != Phase.SETUP && round.phase() != Phase.CALIBRATION) {
            throw new ApiRefusal(409, "phase_refused", "Scoring has started: the pieces stay with the scorers.");
        }
        round.withdrawRelease(Instant.now());
        audit.record("member:" + a.member().id(), "round.release-withdrawn", "round:" + round.id(), "pieces back under review");
        return round;
    }

    /** The review is open until the release, in setup and calibration. */
    /** A moderator's boxes on a picture of the piece (none takes them all away), audited by count, never by content. */
    public org.calibrate.intake.entity.PieceFile box(RoundAccess.Access a, PieceCode code, int file, List<org.calibrate.anonymise.files.PictureBoxes.Box> boxes) {
        requireOpen(a.round());
        Piece piece = piece(a.round(), code);
        org.calibrate.intake.entity.PieceFile f;
        try {
            f = scorerFiles.box(piece.id(), file, boxes);
        } catch (org.calibrate.anonymise.files.Unredactable u) {
            throw ApiRefusal.invalid(u.getMessage());
        }
        audit.record("member:" + a.member().id(), "piece.boxes", "round:" + a.round().id() + " piece:" + code.value(),
                "picture " + (file + 1) + ": " + boxes.size() + " box(es) drawn by hand");
        return f;
    }

    public static boolean open(Round round) {
        return round.releasedAt().isEmpty() && (round.phase() == Phase.SETUP || round.phase() == Phase.CALIBRATION);
    }

    static void requireOpen(Round round) {
        if (round.phase() != Phase.SETUP && round.phase() != Phase.CALIBRATION) {
            throw new ApiRefusal(409, "phase_refused", "Redactions are reviewed before scoring starts.");
        }
        if (round.releasedAt().isPresent()) {
            throw new ApiRefusal(409, "released", "The pieces are released to scorers; withdraw the release to change them.");
        }
    }

    public Piece piece(Round round, PieceCode code) {
        return pieces.find(round.id(), code).orElseThrow(() -> new ApiRefusal(404, "piece_not_found", "No such piece in this round."));
    }

    public static String json(List<ReviewSpan> spans) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (ReviewSpan s : spans) {
            a.add(Json.createObjectBuilder().add("start", s.start()).add("end", s.end()).add("label", s.label())
                    .add("origin", s.origin().name()).add("decision", s.decision().name()));
        }
        return a.build().toString();
    }

    public static List<ReviewSpan> spans(String json) {
        List<ReviewSpan> out = new ArrayList<>();
        for (JsonValue v : Json.createReader(new StringReader(json)).readArray()) {
            JsonObject o = v.asJsonObject();
            out.add(new ReviewSpan(o.getInt("start"), o.getInt("end"), o.getString("label"), ReviewSpan.Origin.valueOf(o.getString("origin")),
                    ReviewSpan.Decision.valueOf(o.getString("decision"))));
        }
        return out;
    }
}
