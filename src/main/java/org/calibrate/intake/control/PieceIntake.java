package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.anonymise.control.Anonymiser;
import org.calibrate.anonymise.entity.Redaction;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.intake.entity.ImportItem;
import org.calibrate.intake.entity.ImportJob;
import org.calibrate.intake.entity.PieceFile;
import org.calibrate.intake.entity.RoundSubmission;
import org.calibrate.anonymise.files.HiddenPhrase;
import org.calibrate.intake.formats.Format;
import org.calibrate.intake.entity.Submission;
import org.calibrate.intake.entity.SubmittedFile;
import org.calibrate.intake.formats.Extraction;
import org.calibrate.intake.formats.Extractor;
import org.calibrate.intake.formats.Unreadable;
import org.calibrate.rounds.control.Pieces;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.Round;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one fetched submission into a piece: text extracted from the online text and every file, the
 * identities stripped, the originals kept for moderators only, the link to the student stored apart.
 * Piece, originals, the item's outcome and the job's count move in one transaction, so a crash leaves
 * either all of it or none, and the submission record makes a repeat import add nothing twice.
 */
@ApplicationScoped
public class PieceIntake {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Pieces pieces;
    @Inject
    BlobStore blobs;
    @Inject
    AuditLog audit;
    @Inject
    ScorerFiles scorerFiles;

    /** A piece handed in as pictures only: what its text says, for the lists and the scorers' page. */
    static final String PICTURES_TEXT = "[This work was handed in as pictures of its pages: read it in the pages below.]";

    private final Clock clock = Clock.systemUTC();

    /** What extraction made of a submission: the text scorers will read (before anonymising) and each file's result. */
    record Extracted(String text, List<Part> parts, boolean needsCheck) {
    }

    record Part(SubmittedFile file, Extraction extraction) {
    }

    /** Extracts every part; one unreadable file fails the submission, with the reason a teacher can act on. */
    static Extracted extract(Extractor extractor, Submission s) throws Unreadable {
        List<String> texts = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        boolean needsCheck = false;
        if (s.onlineText().isPresent()) {
            Extraction e = extractor.fromHtml(s.onlineText().get());
            if (!e.text().isBlank()) {
                texts.add(e.text());
            }
        }
        for (SubmittedFile f : s.files()) {
            Extraction e;
            try {
                e = extractor.extract(f);
            } catch (Unreadable u) {
                throw new Unreadable(u.reason(), "File " + (parts.size() + 1) + " of " + s.files().size() + ": " + u.getMessage());
            }
            parts.add(new Part(f, e));
            needsCheck |= e.needsManualCheck();
            if (!e.text().isBlank()) {
                texts.add(e.text());
            }
        }
        return new Extracted(String.join("\n\n", texts), parts, needsCheck);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImportItem.State take(String jobId, String itemId, Submission s, Piece.Source source, Extractor extractor, Anonymiser anonymiser) {
        Instant now = clock.instant();
        ImportItem item = em.find(ImportItem.class, itemId);
        ImportJob job = em.find(ImportJob.class, jobId);
        if (item == null || item.state() != ImportItem.State.PENDING) {
            return item == null ? ImportItem.State.FAILED : item.state();
        }
        Round round = em.find(Round.class, job.roundId());
        Outcome o = outcome(round, s, source, extractor, anonymiser, now);
        item.outcome(o.state(), o.pieceId(), o.reason(), now);
        job.counted(o.state(), now);
        return o.state();
    }

    /**
     * A listed submission the round already holds as it is (same key, same fingerprint) is counted unchanged
     * before its files are fetched: importing again costs the source a listing, not every download.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean unchanged(String jobId, String itemId) {
        ImportItem item = em.find(ImportItem.class, itemId);
        ImportJob job = em.find(ImportJob.class, jobId);
        if (item == null || job == null || item.state() != ImportItem.State.PENDING) {
            return false;
        }
        RoundSubmission known = em.find(RoundSubmission.class, key(job.roundId(), item.sourceKey()));
        if (known == null || !known.fingerprint().equals(item.fingerprint())) {
            return false;
        }
        Instant now = clock.instant();
        item.outcome(ImportItem.State.UNCHANGED, Optional.of(known.pieceId()), Optional.empty(), now);
        job.counted(ImportItem.State.UNCHANGED, now);
        return true;
    }

    private record Outcome(ImportItem.State state, Optional<String> pieceId, Optional<String> reason) {
        static Outcome failed(String reason) {
            return new Outcome(ImportItem.State.FAILED, Optional.empty(), Optional.of(reason));
        }
    }

    private Outcome outcome(Round round, Submission s, Piece.Source source, Extractor extractor, Anonymiser anonymiser, Instant now) {
        RoundSubmission known = em.find(RoundSubmission.class, key(round.id(), s.sourceKey()));
        if (known != null && known.fingerprint().equals(s.fingerprint())) {
            return new Outcome(ImportItem.State.UNCHANGED, Optional.of(known.pieceId()), Optional.empty());
        }
        if (round.phase() != Phase.SETUP || round.releasedAt().isPresent()) {
            return known == null ? Outcome.failed(round.phase() != Phase.SETUP ? "The round has left setup; new work can no longer be added."
                    : "The round's pieces are released to scorers; withdraw the release to add work.")
                    : new Outcome(ImportItem.State.UNCHANGED, Optional.of(known.pieceId()),
                    Optional.of("Changed in the LMS after the round left setup; the round keeps the work it had."));
        }
        if (s.empty()) {
            return Outcome.failed("Nothing was handed in (no online text, no files).");
        }
        Extracted extracted;
        try {
            extracted = extract(extractor, s);
        } catch (Unreadable u) {
            return Outcome.failed(u.getMessage());
        }
        boolean pictures = extracted.text().isBlank() && !extracted.parts().isEmpty()
                && extracted.parts().stream().allMatch(p -> p.extraction().format() == Format.IMAGE);
        if (extracted.text().isBlank() && !pictures) {
            return Outcome.failed(extracted.needsCheck()
                    ? "Only pictures of pages were handed in, and no text could be read from them. Ask for a typed copy or a photo of the pages."
                    : "No text could be read from what was handed in.");
        }
        if (pictures) {
            // Scans and photos of handwriting: scorers read the pictures, with names boxed out, and a person checks them first.
            extracted = new Extracted(PICTURES_TEXT, extracted.parts(), true);
        }
        Redaction redaction;
        try {
            // Until a moderator reviews the flags, what the anonymiser was unsure of is withheld from scorers too.
            redaction = anonymiser.anonymise(extracted.text(), s.learnerUserId());
        } catch (IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
        String text = redaction.cautiousText();
        if (text.length() > Piece.MAX_TEXT || extracted.text().length() > Piece.MAX_TEXT) {
            return Outcome.failed("The work is longer than " + Piece.MAX_TEXT + " characters, the most a piece holds.");
        }
        Piece piece;
        ImportItem.State state;
        if (known == null) {
            try {
                piece = pieces.create(round, extracted.text(), redaction, s.group(), source, s.learnerUserId(), s.attempt(), now);
            } catch (IllegalArgumentException e) {
                return Outcome.failed(e.getMessage());
            }
            // The tables refer to each other without mapped relations: written in the order their keys need.
            em.flush();
            em.persist(new RoundSubmission(round.id(), s.sourceKey(), s.fingerprint(), piece.id(), now));
            state = ImportItem.State.ADDED;
        } else {
            piece = em.find(Piece.class, known.pieceId());
            piece.replaceText(text, s.attempt());
            pieces.review(piece, extracted.text(), redaction);
            scorerFiles.forget(piece.id());
            em.createQuery("delete from PieceFile f where f.pieceId = :p").setParameter("p", piece.id()).executeUpdate();
            known.changed(s.fingerprint(), now);
            round.allocationOutdated();
            audit.record("system", "piece.resubmitted", "round:" + round.id() + " piece:" + piece.code().value(), "attempt " + s.attempt());
            state = ImportItem.State.UPDATED;
        }
        int position = 0;
        for (Part p : extracted.parts()) {
            BlobStore.Ref ref = blobs.put(p.file().content(), p.extraction().format().mediaType());
            em.flush();
            em.persist(new PieceFile(piece.id(), ref.id(), position++, p.file().name(), p.extraction().format().name().toLowerCase(java.util.Locale.ROOT),
                    p.extraction().pages(), p.extraction().needsManualCheck()));
        }
        em.flush();
        boolean filesNeedCheck = scorerFiles.build(piece.id(), HiddenPhrase.fromSpans(extracted.text(), redaction.spans()),
                pictures ? anonymiser.namesToHide(s.learnerUserId()) : List.of());
        piece.needsCheck(extracted.needsCheck() || filesNeedCheck);
        em.flush();
        return new Outcome(state, Optional.of(piece.id()), Optional.empty());
    }

    private static RoundSubmission.Key key(String roundId, String sourceKey) {
        RoundSubmission.Key k = new RoundSubmission.Key();
        k.roundId = roundId;
        k.sourceKey = sourceKey;
        return k;
    }
}
