package org.calibrate.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A file a piece was made from: the original (moderators only), its format and what extraction found. */
@Entity
@Table(name = "piece_file")
public class PieceFile {
    @Id
    private String id;
    @Column(name = "piece_id", nullable = false)
    private String pieceId;
    @Column(name = "blob_id", nullable = false)
    private String blobId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String format;
    @Column(nullable = false)
    private int pages;
    @Column(name = "needs_check", nullable = false)
    private boolean needsCheck;
    @Column(name = "scorer_blob_id")
    private String scorerBlobId;
    @Column(name = "scorer_media_type")
    private String scorerMediaType;
    @Column(name = "scorer_pages")
    private Integer scorerPages;
    @Column(name = "scorer_note")
    private String scorerNote;
    @Column(name = "manual_boxes")
    private String manualBoxes;
    @Column(name = "scorer_base_blob_id")
    private String scorerBaseBlobId;

    protected PieceFile() {
    }

    public PieceFile(String pieceId, String blobId, int position, String name, String format, int pages, boolean needsCheck) {
        this.id = UUID.randomUUID().toString();
        this.pieceId = pieceId;
        this.blobId = blobId;
        this.position = position;
        this.name = name.length() > 255 ? name.substring(0, 255) : name;
        this.format = format;
        this.pages = pages;
        this.needsCheck = needsCheck;
    }

    public String pieceId() {
        return pieceId;
    }

    public String blobId() {
        return blobId;
    }

    public String name() {
        return name;
    }

    public String format() {
        return format;
    }

    public int pages() {
        return pages;
    }

    public boolean needsCheck() {
        return needsCheck;
    }

    public String id() {
        return id;
    }

    public int position() {
        return position;
    }

    /** The scorers' version of this file: rebuilt from the redacted content, never the student's original. */
    public void scorerVersion(String blobId, String mediaType, int pages, boolean needsCheck, java.util.List<String> notes) {
        this.scorerBlobId = blobId;
        this.scorerMediaType = mediaType;
        this.scorerPages = pages;
        this.needsCheck |= needsCheck;
        note(notes);
    }

    /** Why the scorers have no version of this file, or what a moderator should look at in it. */
    public void note(java.util.List<String> notes) {
        String joined = String.join(" ", notes);
        this.scorerNote = joined.isBlank() ? null : joined.length() > 2000 ? joined.substring(0, 2000) : joined;
        this.needsCheck |= scorerNote != null && scorerBlobId == null;
    }

    public java.util.Optional<String> scorerBlobId() {
        return java.util.Optional.ofNullable(scorerBlobId);
    }

    public java.util.Optional<String> scorerMediaType() {
        return java.util.Optional.ofNullable(scorerMediaType);
    }

    public int scorerPages() {
        return scorerPages == null ? 0 : scorerPages;
    }

    /**
     * The picture with a moderator's boxes painted in; {@code base} is the picture as the automatic redaction left it,
     * kept so that boxes can be changed or removed. {@code boxes} is their JSON, or null when none are left.
     */
    public void boxed(String blobId, String base, String boxes) {
        this.scorerBlobId = blobId;
        this.scorerBaseBlobId = base;
        this.manualBoxes = boxes;
    }

    public java.util.Optional<String> manualBoxes() {
        return java.util.Optional.ofNullable(manualBoxes);
    }

    public java.util.Optional<String> scorerBaseBlobId() {
        return java.util.Optional.ofNullable(scorerBaseBlobId);
    }

    public java.util.Optional<String> scorerNote() {
        return java.util.Optional.ofNullable(scorerNote);
    }
}
