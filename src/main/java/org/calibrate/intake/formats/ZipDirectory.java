package org.calibrate.intake.formats;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The central directory of a ZIP held in memory (APPNOTE.TXT 4.3.12 ff.): the entries' names and sizes,
 * read without unpacking anything, and one entry at a time unpacked as a stream that stops at a bound.
 * It is how a DOCX is told from an ODT or a plain archive, and how a ZIP bomb is refused before it unfolds.
 */
final class ZipDirectory {
    /** Far more than any document has (a DOCX has tens); a directory claiming more is hostile or broken. */
    static final int MAX_ENTRIES = 10_000;
    /** Small entries are not judged by their ratio: a few repeated bytes compress extremely well. */
    private static final long GRACE_BYTES = 100 * 1024;

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int END64_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final long MASK32 = 0xFFFFFFFFL;

    record Entry(String name, int method, int flags, long compressedSize, long size, long localHeaderOffset) {
        /** Traditional or strong ZIP encryption (APPNOTE 4.4.4, bit 0). */
        boolean encrypted() {
            return (flags & 1) != 0;
        }
    }

    /** Thrown while unpacking once an entry grows past its bound; an IOException so that parsers pass it through. */
    static final class EntryTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        EntryTooLarge(String name) {
            super(name + " unpacks to more than its bound");
        }
    }

    private final byte[] zip;
    private final List<Entry> entries;

    private ZipDirectory(byte[] zip, List<Entry> entries) {
        this.zip = zip;
        this.entries = entries;
    }

    /** Reads the directory and refuses, from the sizes it declares, any entry that would unfold into a bomb. */
    static ZipDirectory read(byte[] zip, ExtractionLimits limits) throws Unreadable {
        ZipDirectory directory;
        try {
            directory = new ZipDirectory(zip, readEntries(zip));
        } catch (IndexOutOfBoundsException | IllegalStateException | ArithmeticException e) {
            throw Unreadable.corrupt("document", e);
        }
        for (Entry e : directory.entries) {
            if (e.size() > limits.maxZipEntryBytes()
                    || e.size() > GRACE_BYTES && (double) e.compressedSize() / e.size() < limits.minInflateRatio()) {
                long megabytes = Math.max(1, Math.round(e.size() / (1024.0 * 1024.0)));
                throw Unreadable.tooLarge("The document unpacks to far more data than it holds (" + megabytes
                        + " MB in one part), the mark of a ZIP bomb; it was not opened. Ask the student to hand it in again,"
                        + " as PDF if it keeps failing.");
            }
        }
        return directory;
    }

    List<Entry> entries() {
        return entries;
    }

    Optional<Entry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    boolean hasEntryUnder(String folder) {
        return entries.stream().anyMatch(e -> e.name().startsWith(folder));
    }

    /**
     * The entry's content, unpacked as it is read; reading past {@code maxBytes} throws {@link EntryTooLarge},
     * whatever size the directory declared (declared sizes may lie).
     */
    EntryStream open(Entry e, long maxBytes) throws IOException {
        long local = e.localHeaderOffset();
        if (local + 30 > zip.length || le32(zip, (int) local) != LOCAL_SIGNATURE) {
            throw new IOException("no local header for " + e.name());
        }
        long start = local + 30L + le16(zip, (int) local + 26) + le16(zip, (int) local + 28);
        if (start + e.compressedSize() > zip.length) {
            throw new IOException(e.name() + " reaches past the end of the archive");
        }
        InputStream raw = new ByteArrayInputStream(zip, (int) start, (int) e.compressedSize());
        return switch (e.method()) {
            case 0 -> new EntryStream(raw, e.name(), maxBytes, null);
            case 8 -> {
                Inflater inflater = new Inflater(true);
                yield new EntryStream(new InflaterInputStream(raw, inflater), e.name(), maxBytes, inflater);
            }
            default -> throw new IOException(e.name() + " uses compression method " + e.method());
        };
    }

    /** A small entry in full, e.g. {@code mimetype} or a manifest. */
    byte[] readAll(Entry e, int maxBytes) throws IOException {
        try (InputStream in = open(e, maxBytes)) {
            return in.readAllBytes();
        }
    }

    private static List<Entry> readEntries(byte[] zip) {
        int end = findEnd(zip);
        long count = le16(zip, end + 10);
        long offset = le32(zip, end + 16) & MASK32;
        if (count == 0xFFFF || offset == MASK32) {
            int locator = end - 20;
            if (locator < 0 || le32(zip, locator) != END64_LOCATOR_SIGNATURE) {
                throw new IllegalStateException("ZIP64 fields without a ZIP64 locator");
            }
            int end64 = Math.toIntExact(le64(zip, locator + 8));
            if (le32(zip, end64) != END64_SIGNATURE) {
                throw new IllegalStateException("no ZIP64 end of central directory");
            }
            count = le64(zip, end64 + 32);
            offset = le64(zip, end64 + 48);
        }
        if (count > MAX_ENTRIES || count < 0) {
            throw new IllegalStateException("the directory claims " + count + " entries");
        }
        List<Entry> entries = new ArrayList<>((int) count);
        int at = Math.toIntExact(offset);
        for (int i = 0; i < count; i++) {
            if (le32(zip, at) != CENTRAL_SIGNATURE) {
                throw new IllegalStateException("broken central directory");
            }
            int nameLength = le16(zip, at + 28);
            int extraLength = le16(zip, at + 30);
            int commentLength = le16(zip, at + 32);
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            long[] sizes = {le32(zip, at + 24) & MASK32, le32(zip, at + 20) & MASK32, le32(zip, at + 42) & MASK32};
            zip64(zip, at + 46 + nameLength, extraLength, sizes);
            entries.add(new Entry(name, le16(zip, at + 10), le16(zip, at + 8), sizes[1], sizes[0], sizes[2]));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return List.copyOf(entries);
    }

    /** Replaces the sizes and offset the 32-bit fields mark as "in the ZIP64 extra field" (APPNOTE 4.5.3). */
    private static void zip64(byte[] zip, int extra, int length, long[] sizes) {
        for (int at = extra; at + 4 <= extra + length; ) {
            int id = le16(zip, at);
            int size = le16(zip, at + 2);
            if (id == 0x0001) {
                int field = at + 4;
                for (int i = 0; i < sizes.length; i++) {
                    if (sizes[i] == MASK32 && field + 8 <= at + 4 + size) {
                        sizes[i] = le64(zip, field);
                        field += 8;
                    }
                }
            }
            at += 4 + size;
        }
        for (long s : sizes) {
            if (s < 0) {
                throw new IllegalStateException("negative ZIP64 size");
            }
        }
    }

    private static int findEnd(byte[] zip) {
        // The end record is 22 bytes plus a comment of at most 65535 bytes, at the end of the archive.
        for (int at = zip.length - 22; at >= 0 && at >= zip.length - 22 - 65_535; at--) {
            if (le32(zip, at) == END_SIGNATURE) {
                return at;
            }
        }
        throw new IllegalStateException("no end of central directory");
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int le32(byte[] b, int at) {
        return le16(b, at) | le16(b, at + 2) << 16;
    }

    private static long le64(byte[] b, int at) {
        return (le32(b, at) & MASK32) | (long) le32(b, at + 4) << 32;
    }

    /**
     * Counts what it hands out and stops at the bound, remembering that it did (a parser may wrap the exception);
     * ends the inflater, which holds native memory.
     */
    static final class EntryStream extends FilterInputStream {
        private final String name;
        private final long max;
        private final Inflater inflater;
        private long count;

        private boolean exceeded;

        private EntryStream(InputStream in, String name, long max, Inflater inflater) {
            super(in);
            this.name = name;
            this.max = max;
            this.inflater = inflater;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, max - count + 1));
            if (n > 0 && (count += n) > max) {
                exceeded = true;
                throw new EntryTooLarge(name);
            }
            return n;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public long skip(long n) throws IOException {
            int chunk = (int) Math.max(0, Math.min(n, 8192));
            return Math.max(0, read(new byte[chunk], 0, chunk));
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (inflater != null) {
                    inflater.end();
                }
            }
        }
    }
}
