package org.calibrate.intake.control;

import org.calibrate.intake.entity.Submission;
import org.calibrate.intake.entity.SubmittedFile;
import org.calibrate.notices.control.NoticeBodies;
import org.calibrate.notices.entity.AssetNotice;
import org.calibrate.notices.entity.SubmissionNotice;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * An activity's Asset Processor submission notices as a source: the latest notice of each student (a later
 * attempt replaces an earlier one), its files fetched from the platform's Asset Service when the item runs.
 */
final class AssetConnector implements Connector {
    /** Fetches one asset's bytes: the platform, the token scope, the URL, the byte limit. */
    @FunctionalInterface
    interface Fetch {
        byte[] bytes(long platformId, String scope, java.net.URI url, long maxBytes) throws SourceFailure;
    }

    private final List<AssetNotice> latest;
    private final Function<String, Optional<AssetNotice>> find;
    private final Fetch fetch;
    private final long maxFileBytes;

    AssetConnector(List<AssetNotice> latest, Function<String, Optional<AssetNotice>> find, Fetch fetch, long maxFileBytes) {
        this.latest = List.copyOf(latest);
        this.find = find;
        this.fetch = fetch;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public List<Listed> list() {
        return latest.stream().map(n -> new Listed("asset:" + n.submissionKey(), "notice " + n.id(), n.id())).toList();
    }

    @Override
    public Submission fetch(Listed listed) throws SourceFailure {
        AssetNotice notice = find.apply(listed.handle())
                .orElseThrow(() -> new SourceFailure("The LMS's notice for this submission is no longer kept (erased by retention).", false));
        SubmissionNotice s = NoticeBodies.read(notice.body());
        if (s.assets().isEmpty()) {
            throw new SourceFailure("The LMS sent this submission without any file.", false);
        }
        List<SubmittedFile> files = new ArrayList<>();
        int n = 0;
        for (SubmissionNotice.Asset a : s.assets()) {
            n++;
            if (a.size().isPresent() && a.size().getAsLong() > maxFileBytes) {
                throw new SourceFailure("File " + n + " of this submission is larger than " + (maxFileBytes / (1024 * 1024)) + " MiB, this server's limit.", false);
            }
            byte[] bytes = fetch.bytes(notice.platformId(), s.assetScope(), a.url(), maxFileBytes);
            if (a.sha256().isPresent() && !matches(a.sha256().get(), bytes)) {
                throw new SourceFailure("File " + n + " of this submission does not match the checksum the LMS sent: it changed or was damaged on the way.", false);
            }
            String name = a.filename().or(a::title).orElse("file-" + n);
            files.add(new SubmittedFile(name, a.contentType(), bytes));
        }
        return new Submission(listed.sourceKey(), listed.fingerprint(), Optional.of(s.userId()), Optional.empty(), s.attempt().orElse(1),
                s.submittedAt().or(() -> Optional.of(notice.noticeAt())), Optional.empty(), files);
    }

    /** The Asset Processor's {@code sha256_checksum}: hex as the spec's examples give it, or base64 as some platforms send. */
    static boolean matches(String checksum, byte[] bytes) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String c = checksum.strip();
        return c.toLowerCase(Locale.ROOT).equals(HexFormat.of().formatHex(digest))
                || c.equals(Base64.getEncoder().encodeToString(digest)) || c.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

}
