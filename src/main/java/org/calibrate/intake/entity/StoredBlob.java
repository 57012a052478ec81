package org.calibrate.intake.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import org.calibrate.runtime.SealedBytes;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An original file or upload kept in the database (transactional and shared by every node). */
@Entity
@Table(name = "stored_blob")
public class StoredBlob {
    @Id
    private String id;
    @Column(nullable = false)
    private String sha256;
    @Column(name = "size_bytes", nullable = false)
    private long size;
    @Column(name = "media_type", nullable = false)
    private String mediaType;
    @Basic(fetch = FetchType.LAZY)
    @Convert(converter = SealedBytes.class)
    @Column(nullable = false)
    private byte[] content;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** Bumped by every change of the content, so that re-sealing in place never overwrites a newer one. */
    @Version
    @Column(name = "content_version", nullable = false)
    private long contentVersion;

    protected StoredBlob() {
    }

    public StoredBlob(String sha256, String mediaType, byte[] content, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sha256 = sha256;
        this.size = content.length;
        this.mediaType = mediaType.length() > 120 ? mediaType.substring(0, 120) : mediaType;
        this.content = content;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] content() {
        return content;
    }
}
