package org.calibrate.rounds.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One piece of student work as scorers see it: a random code and the text. The origin (the class or
 * section it came from) steers conflicts of interest and is shown to moderators only.
 */
@Entity
@Table(name = "piece")
public class Piece {
    public static final int MAX_TEXT = 100_000;

    /** Where a piece came from. */
    public enum Source { UPLOAD, DEMO, MOODLE, EXPORT_ZIP, ASSET }

    @Id
    private String id;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String text;
    @Column(nullable = false)
    private int words;
    private String origin;
    @Column(nullable = false)
    private String source;
    @Column(nullable = false)
    private String consent;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "excluded_reason")
    private String excludedReason;
    @Column(name = "excluded_note")
    private String excludedNote;
    @Column(nullable = false)
    private int attempt = 1;
    @Column(name = "needs_check", nullable = false)
    private boolean needsCheck;

    protected Piece() {
    }

    public Piece(String roundId, PieceCode code, String text, Optional<String> origin, Source source, Instant now) {
        check(text);
        if (origin.map(o -> o.length() > 100).orElse(false)) {
            throw new IllegalArgumentException("The class of origin is at most 100 characters.");
        }
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.code = code.value();
        this.text = text;
        this.words = countWords(text);
        this.origin = origin.map(String::strip).filter(o -> !o.isEmpty()).orElse(null);
        this.source = source.name().toLowerCase(java.util.Locale.ROOT);
        this.consent = Consent.UNKNOWN.key();
        this.createdAt = now;
    }

    /** Recorded by a moderator from the school's records; it decides whether the work may become an exemplar. */
    public void consent(Consent consent) {
        this.consent = consent.key();
    }

    /** A changed submission (a resubmission) replaces the text while the round is still in setup. */
    public void replaceText(String text, int attempt) {
        check(text);
        this.text = text;
        this.words = countWords(text);
        this.attempt = Math.max(1, attempt);
    }

    public void attempt(int attempt) {
        this.attempt = Math.max(1, attempt);
    }

    /** Work with parts no text extraction could read (an image, a scan): a person looks before release. */
    public void needsCheck(boolean needsCheck) {
        this.needsCheck = needsCheck;
    }

    public void exclude(Exclusion reason, java.util.Optional<String> note) {
        this.excludedReason = reason.key();
        this.excludedNote = note.map(String::strip).filter(n -> !n.isEmpty()).map(n -> n.length() > 1000 ? n.substring(0, 1000) : n).orElse(null);
    }

    public void include() {
        this.excludedReason = null;
        this.excludedNote = null;
    }

    public Optional<Exclusion> excluded() {
        return excludedReason == null ? Optional.empty() : Exclusion.of(excludedReason);
    }

    public Optional<String> excludedNote() {
        return Optional.ofNullable(excludedNote);
    }

    public int attempt() {
        return attempt;
    }

    public boolean needsCheck() {
        return needsCheck;
    }

    public Consent consent() {
        return Consent.of(consent).orElse(Consent.UNKNOWN);
    }

    private static void check(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A piece needs its text.");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A piece may hold at most " + MAX_TEXT + " characters.");
        }
    }

    public static int countWords(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    public String id() {
        return id;
    }

    public String roundId() {
        return roundId;
    }

    public PieceCode code() {
        return new PieceCode(code);
    }

    public String text() {
        return text;
    }

    public int words() {
        return words;
    }

    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String source() {
        return source;
    }
}
