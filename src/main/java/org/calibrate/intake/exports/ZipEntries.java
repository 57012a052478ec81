package org.calibrate.intake.exports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files in an uploaded ZIP, unpacked under {@link ZipLimits}. Every count is of bytes actually
 * unpacked: the sizes an entry declares are the archive's word and a ZIP bomb's lie.
 *
 * <p>What stops one entry and what stops the whole read: a file too large or unpacking too far is
 * left out with a {@link Problem} and the rest is read; too many entries, too much content in all, or
 * an archive that is not a ZIP, is damaged, encrypted or cut off refuses the whole upload
 * ({@link ExportZipRefused}), since what was read so far would pass for a complete import.
 *
 * <p>{@link ZipInputStream} can only pass over an entry by unpacking it, so entries left out (refused
 * names, folders, system files, files over a limit) are unpacked into a scratch buffer and count
 * towards {@link ZipLimits#maxTotalBytes()}: that bound is the bound on work, not only on memory.
 */
final class ZipEntries {
    /**
     * The packed-to-unpacked ratio is judged only past this many unpacked bytes: a small file of one
     * repeated character honestly packs further than 100:1 and costs nothing, and {@link ZipInputStream}
     * reads ahead up to 512 packed bytes, which makes the ratio of a tiny entry meaningless.
     */
    static final long RATIO_FLOOR = 1024 * 1024;
    private static final Charset CP437 = Charset.forName("IBM437");
    private static final int EOCD_LENGTH = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    private final byte[] zip;
    private final int length;
    private final ZipLimits limits;
    private final byte[] scratch = new byte[64 * 1024];

    private ZipEntries(byte[] zip, int length, ZipLimits limits) {
        this.zip = zip;
        this.length = length;
        this.limits = limits;
    }

    record Entry(String path, byte[] content) {
    }

    record Contents(List<Entry> files, List<Problem> problems) {
    }

    /** An entry name that is not valid in the charset being tried. */
    private static final class NameEncoding extends Exception {
        NameEncoding(IllegalArgumentException cause) {
            super(cause);
        }
    }

    static Contents read(byte[] zip, int length, ZipLimits limits) throws ExportZipRefused {
        Formats.requireZip(zip, length);
        int declared = declaredEntries(zip, length);
        if (declared > limits.maxEntries()) {
            throw tooManyFiles(limits);
        }
        ZipEntries entries = new ZipEntries(zip, length, limits);
        Contents contents;
        try {
            // Moodle and Canvas write UTF-8 names, not always with the flag that says so.
            contents = entries.readAll(StandardCharsets.UTF_8, declared);
        } catch (NameEncoding notUtf8) {
            try {
                // Windows' own "Send to compressed folder" writes names in the old DOS code page, unflagged;
                // entries that are flagged UTF-8 are still read as UTF-8. Reading again at most doubles the
                // work, which the limits bound on each pass.
                contents = entries.readAll(CP437, declared);
            } catch (NameEncoding unreadable) {
                throw damaged("an entry's name is not readable text", unreadable.getCause());
            }
        }
        return contents;
    }

    private Contents readAll(Charset names, int declared) throws ExportZipRefused, NameEncoding {
        List<Entry> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CountingInputStream packed = new CountingInputStream(new ByteArrayInputStream(zip, 0, length));
        long total = 0;
        int count = 0;
        String current = null;
        try (ZipInputStream in = new ZipInputStream(packed, names)) {
            ZipEntry entry;
            while ((entry = next(in)) != null) {
                if (++count > limits.maxEntries()) {
                    throw tooManyFiles(limits);
                }
                current = entry.getName();
                String shown = EntryNames.shown(current);
                EntryNames.Verdict verdict = EntryNames.judge(current, limits.maxNameLength());
                if (verdict.kind() == EntryNames.Kind.FILE && !seen.add(verdict.path())) {
                    // Two entries under one name: unzip tools disagree on which one wins, so neither guess is made.
                    verdict = EntryNames.Verdict.refuse("Left out: the ZIP holds another file under the same name.");
                }
                if (verdict.kind() != EntryNames.Kind.FILE) {
                    if (verdict.kind() == EntryNames.Kind.REFUSE) {
                        problems.add(new Problem(shown, verdict.reason()));
                    }
                    total = drain(in, total);
                    continue;
                }
                Unpacked unpacked = unpack(in, packed, total);
                total = unpacked.total();
                if (unpacked.content() == null) {
                    problems.add(new Problem(shown, unpacked.refusal()));
                } else {
                    files.add(new Entry(verdict.path(), unpacked.content()));
                }
            }
        } catch (ZipException e) {
            throw refusal(e, current);
        } catch (EOFException e) {
            throw damaged(where(current) + "it ends in the middle of a file; the download or the upload may have been cut off", e);
        } catch (IOException e) {
            throw damaged(where(current) + "the data could not be read", e);
        }
        if (declared >= 0 && count != declared) {
            // The stream stopped early (bytes between entries, a second archive glued on) or read past the list.
            throw damaged("its table of contents lists " + declared + " entries but " + count + " could be read", null);
        }
        return new Contents(files, problems);
    }

    private static ZipEntry next(ZipInputStream in) throws IOException, NameEncoding {
        try {
            return in.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new NameEncoding(e);
        }
    }

    /** {@code content} when the entry was kept, else the reason it was not; {@code total} unpacked so far in the ZIP. */
    private record Unpacked(byte[] content, String refusal, long total) {
    }

    private Unpacked unpack(ZipInputStream in, CountingInputStream packed, long total) throws IOException, ExportZipRefused {
        long packedAtStart = packed.count();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long unpacked = 0;
        int n;
        while ((n = in.read(scratch)) != -1) {
            total = counted(total, n);
            unpacked += n;
            if (unpacked > limits.maxFileBytes()) {
                return new Unpacked(null, "Left out: larger than " + Sizes.shown(limits.maxFileBytes()) + " once unpacked.",
                        drain(in, total));
            }
            long packedBytes = Math.max(1, packed.count() - packedAtStart);
            if (unpacked > RATIO_FLOOR && unpacked > packedBytes * limits.maxRatio()) {
                return new Unpacked(null, "Left out: it unpacks to more than " + limits.maxRatio()
                        + " times its packed size, which is how ZIP bombs work; no real document does that.", drain(in, total));
            }
            kept.write(scratch, 0, n);
        }
        return new Unpacked(kept.toByteArray(), "", total);
    }

    /** Passes over the rest of an entry; it still unpacks, so it still counts. */
    private long drain(ZipInputStream in, long total) throws IOException, ExportZipRefused {
        int n;
        while ((n = in.read(scratch)) != -1) {
            total = counted(total, n);
        }
        return total;
    }

    private long counted(long total, int n) throws ExportZipRefused {
        long now = total + n;
        if (now > limits.maxTotalBytes()) {
            throw new ExportZipRefused(ExportZipRefused.Reason.TOO_MUCH_CONTENT, "The ZIP unpacks to more than "
                    + Sizes.shown(limits.maxTotalBytes()) + ", so nothing was imported. It may be a ZIP bomb; if it is "
                    + "a real download, download the submissions in smaller parts (for example one group at a time).");
        }
        return now;
    }

    /**
     * The entry count in the end-of-central-directory record, or -1 when the ZIP64 record holds it.
     * The record must be there: an archive without it was cut off, and {@link ZipInputStream}, which
     * reads from the front, would otherwise end quietly at the last complete entry.
     */
    private static int declaredEntries(byte[] zip, int length) throws ExportZipRefused {
        int end = -1;
        for (int i = length - EOCD_LENGTH; i >= Math.max(0, length - EOCD_LENGTH - MAX_COMMENT); i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw damaged("it ends before its table of contents; the download or the upload may have been cut off", null);
        }
        int entries = (zip[end + 10] & 0xFF) | (zip[end + 11] & 0xFF) << 8;
        return entries == 0xFFFF ? -1 : entries;
    }

    private static ExportZipRefused refusal(ZipException e, String current) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("encrypted")) {
            return new ExportZipRefused(ExportZipRefused.Reason.ENCRYPTED, "The ZIP is password-protected, so it cannot be read. "
                    + "Upload the ZIP as the LMS produced it, without a password.", e);
        }
        if (message.contains("compression method") || message.contains("EXT descriptor")) {
            return new ExportZipRefused(ExportZipRefused.Reason.UNSUPPORTED, "The ZIP was made in a way Calibrate cannot read "
                    + "(" + where(current) + "an unusual compression method). Upload the ZIP as the LMS produced it, or "
                    + "re-create it with your computer's own \"compress\" command.", e);
        }
        return damaged(where(current) + "the data is not valid", e);
    }

    private static String where(String current) {
        return current == null ? "" : "at \"" + EntryNames.shown(current) + "\": ";
    }

    private static ExportZipRefused damaged(String detail, Throwable cause) {
        return new ExportZipRefused(ExportZipRefused.Reason.DAMAGED, "The ZIP file is damaged or incomplete, so nothing was "
                + "imported (" + detail + "). Download it again from the LMS and upload the new copy.", cause);
    }

    private static ExportZipRefused tooManyFiles(ZipLimits limits) {
        return new ExportZipRefused(ExportZipRefused.Reason.TOO_MANY_FILES, "The ZIP holds more than " + limits.maxEntries()
                + " files and folders, so nothing was imported. Download the submissions in smaller parts "
                + "(for example one group at a time).");
    }
}
