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
}
